import { describe, expect, it } from 'vitest';
import { BLOCK_SCREEN_UI_KEY, GENERIC_CHECK_KEY, LISTING_KEY, NOTICE_UI_KEY, STRUCTURED_DATA_KEY } from '@/components/core/site-rules/find-rule';
import { genericCheck } from '@/entrypoints/generic-check/generic-check';
import { listing } from '@/entrypoints/listing/listing';
import { noticeUi } from '@/entrypoints/notice/notice-ui';
import { injectedGenericCheck, injectedListing, injectedNoticeUi, injectedStructuredReader } from '@/entrypoints/page-check/injected';
import { readStructuredData } from '@/entrypoints/structured-data/read-structured-data';

describe('the readers other scripts hand the page check', () => {
  it('finds the structured-data reader only where its script ran, and nothing else under its key', () => {
    expect(injectedStructuredReader({})).toBeUndefined();
    expect(injectedStructuredReader({ [Symbol.for(STRUCTURED_DATA_KEY)]: readStructuredData })).toBe(readStructuredData);
    expect(injectedStructuredReader({ [Symbol.for(STRUCTURED_DATA_KEY)]: { read: readStructuredData } })).toBeUndefined();
    expect(injectedStructuredReader({ [Symbol.for(GENERIC_CHECK_KEY)]: genericCheck }), 'another script\'s hand-over is not this one').toBeUndefined();
  });

  it('finds the generic check only under its own key', () => {
    expect(injectedGenericCheck({ [Symbol.for(GENERIC_CHECK_KEY)]: genericCheck })).toBe(genericCheck);
    expect(injectedGenericCheck({ [Symbol.for(STRUCTURED_DATA_KEY)]: genericCheck })).toBeUndefined();
  });
});

describe('the listing code', () => {
  it('is found only where the listing script handed it over whole', () => {
    expect(injectedListing({})).toBeUndefined();
    expect(injectedListing({ [Symbol.for(LISTING_KEY)]: listing })).toBe(listing);
    expect(injectedListing({ [Symbol.for(LISTING_KEY)]: { badgeTiles: listing.badgeTiles } }), 'a part of it is not enough').toBeUndefined();
  });
});

describe('the notice code', () => {
  it('tells the warning bar from the block screen: each mode finds only its own script\'s hand-over', () => {
    const scope = { [Symbol.for(NOTICE_UI_KEY)]: noticeUi };
    expect(injectedNoticeUi('warn', scope)).toBe(noticeUi);
    expect(injectedNoticeUi('block', scope), 'the bar cannot stand in for the block screen').toBeUndefined();
    expect(injectedNoticeUi('block', { [Symbol.for(BLOCK_SCREEN_UI_KEY)]: noticeUi })).toBe(noticeUi);
    expect(injectedNoticeUi('warn', { [Symbol.for(NOTICE_UI_KEY)]: { createNotice: noticeUi.createNotice } }), 'a part of it is not enough').toBeUndefined();
  });
});
