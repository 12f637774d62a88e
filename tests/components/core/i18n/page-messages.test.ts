/** Pages show the messages the background handed over, with the browser's lookup only as a fallback. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PAGE_MESSAGE_KEYS, lookUpPageMessages, pageLookup, parsePageMessages } from '@/components/core/i18n/page-messages';
import { getMessage, messages } from '../../ui/i18n';

const ROOT = path.resolve(__dirname, '../../../..');
/** Sources of scripts that run in web pages and show words. */
const PAGE_SOURCES = ['entrypoints/page-check', 'entrypoints/notice', 'entrypoints/block-screen', 'entrypoints/structured-data', 'entrypoints/listing', 'entrypoints/search-results', 'components/ui/tile-badge.ts', 'components/core/ban/notice-text.ts'];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name))).filter((file) => /\.tsx?$/.test(file));
}

describe('page messages', () => {
  it('covers every message key written in the sources of page scripts, and every key exists in both languages', () => {
    const known = new Set(Object.keys(messages('en')));
    const written = new Set<string>();
    for (const file of PAGE_SOURCES.flatMap(sourceFiles)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/'((?:notice|block|badge|search_badge)_[a-z_]+)'/g)) written.add(key!);
    }
    // notice-text.ts builds some keys from parts ('notice_title_' + verdict): every key of these families is listed.
    for (const key of known) if (/^(?:notice|block|badge)_/.test(key)) written.add(key);
    expect(written.size).toBeGreaterThan(25);
    expect([...written].filter((key) => !(PAGE_MESSAGE_KEYS as readonly string[]).includes(key))).toEqual([]);
    for (const locale of ['en', 'es'] as const) {
      expect(PAGE_MESSAGE_KEYS.filter((key) => !(key in messages(locale))), locale).toEqual([]);
    }
  });

  it('gives the same words as the browser, substitutions included, in English and Spanish', () => {
    for (const locale of ['en', 'es'] as const) {
      const browserLookup = (key: string, subs?: string | string[]) => getMessage(locale, key, subs);
      const handed = lookUpPageMessages(browserLookup);
      const fallback = vi.fn(browserLookup);
      const lookup = pageLookup(handed, fallback);
      expect(lookup('notice_kaspersky_active', ['September 29, 2024'])).toBe(browserLookup('notice_kaspersky_active', ['September 29, 2024']));
      expect(lookup('notice_kaspersky_active', ['September 29, 2024'])).toContain('September 29, 2024');
      expect(lookup('notice_org_message', 'ACME $1 Corp')).toBe(browserLookup('notice_org_message', ['ACME $1 Corp']));
      for (const key of PAGE_MESSAGE_KEYS) expect(lookup(key, ['1']), `${locale} ${key}`).toBe(browserLookup(key, ['1']));
      expect(fallback, 'every page message was handed over').not.toHaveBeenCalled();
    }
  });

  it('falls back to the browser for what was not handed over, and keeps only known string values from storage', () => {
    const fallback = vi.fn((key: string) => `browser:${key}`);
    expect(pageLookup(undefined, fallback)('notice_details')).toBe('browser:notice_details');
    expect(pageLookup({ notice_details: 'Details' }, fallback)('badge_purchase')).toBe('browser:badge_purchase');
    expect(parsePageMessages({ notice_details: 'Details', badge_purchase: 7, evil: '<img onerror>' })).toEqual({ notice_details: 'Details' });
    expect(parsePageMessages(['x'])).toBeUndefined();
    expect(parsePageMessages('x')).toBeUndefined();
  });
});
