/**
 * Where the page check finds the code other scripts of ours hand over in its isolated world (`handOver`),
 * each injected only where it is needed, so the page check itself carries none of it:
 * - the generic check (entrypoints/generic-check), on sites without a rule, in "every site" mode only;
 * - the structured-data reader (entrypoints/structured-data), on sites whose rule reads structured data;
 * - the listing's code (entrypoints/listing: reading, sending and badging its tiles), on pages with tiles to tell apart;
 * - the warning bar (entrypoints/notice) and the block screen (entrypoints/block-screen).
 * The last three come with the plan that needs them (`scriptsForPlan`).
 * @module
 */
import { BLOCK_SCREEN_UI_KEY, GENERIC_CHECK_KEY, handedOver, LISTING_KEY, NOTICE_UI_KEY, STRUCTURED_DATA_KEY } from '@/components/core/site-rules/find-rule';
import type { Listing } from '../listing/listing';
import type { NoticeUi } from '../notice/notice-ui';
import type { GenericReader, SignalReaders } from './collect-signals';

/** What the generic check hands over: its reader (the background classifies, with `classifyGeneric`). */
export interface GenericCheck {
  readSignals: GenericReader;
}

/** The generic check the background injected into this isolated world, if any. */
export function injectedGenericCheck(scope: object = globalThis): GenericCheck | undefined {
  const check = handedOver(GENERIC_CHECK_KEY, scope) as Partial<GenericCheck> | undefined;
  return typeof check?.readSignals === 'function' ? (check as GenericCheck) : undefined;
}

/** The structured-data reader injected with the page check, if any. */
export function injectedStructuredReader(scope: object = globalThis): SignalReaders['structured'] {
  const reader = handedOver(STRUCTURED_DATA_KEY, scope);
  return typeof reader === 'function' ? (reader as SignalReaders['structured']) : undefined;
}

/** The listing's code (its tiles' round trip to the background, and their badges), once the background put it in this world. */
export function injectedListing(scope: object = globalThis): Listing | undefined {
  const listing = handedOver(LISTING_KEY, scope) as Partial<Listing> | undefined;
  return typeof listing?.badgeTiles === 'function' && typeof listing.unmarkTiles === 'function' ? (listing as Listing) : undefined;
}

/** What draws a notice in `mode` (the warning bar, or the block screen), once its script is in this world. */
export function injectedNoticeUi(mode: 'warn' | 'block', scope: object = globalThis): NoticeUi | undefined {
  const ui = handedOver(mode === 'block' ? BLOCK_SCREEN_UI_KEY : NOTICE_UI_KEY, scope) as Partial<NoticeUi> | undefined;
  return typeof ui?.createNotice === 'function' && typeof ui.placeNotice === 'function' ? (ui as NoticeUi) : undefined;
}
