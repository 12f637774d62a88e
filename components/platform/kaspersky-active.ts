/**
 * What the extension has seen of Kaspersky software running on this computer (its web protection
 * leaves a trace in the pages it filters; see components/core/trace/kaspersky-trace.ts).
 * Kept in storage.local so the popup can explain it and the in-page note shows only once.
 * @module
 */
import { browser } from 'wxt/browser';
import { localValues } from './local-values';

const KEY = 'kasperskyActive';
/**
 * Kept apart from KEY: the content script sets it while the background may be writing KEY for the
 * same sighting, and a read-modify-write of one object from both sides could lose the flag.
 */
const NOTICE_SHOWN_KEY = 'kasperskyActiveNoticeShown';
/** The storage.local keys readKasperskyActive reads. */
export const KASPERSKY_ACTIVE_KEYS = [KEY, NOTICE_SHOWN_KEY] as const;

export interface KasperskyActive {
  /** When the trace was first and last seen (ms since the epoch). */
  firstSeen: number;
  lastSeen: number;
  /** The site it was last seen on. */
  site: string;
  /** The one-time in-page note has been shown. */
  noticeShown: boolean;
}

function parse(raw: unknown): KasperskyActive | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const value = raw as Record<string, unknown>;
  if (typeof value.firstSeen !== 'number' || typeof value.lastSeen !== 'number') return undefined;
  return { firstSeen: value.firstSeen, lastSeen: value.lastSeen, site: typeof value.site === 'string' ? value.site.slice(0, 253) : '', noticeShown: value.noticeShown === true };
}

/** What has been seen so far, or undefined when Kaspersky was never seen active (`stored`: its keys already read). */
export async function readKasperskyActive(stored?: Record<string, unknown>): Promise<KasperskyActive | undefined> {
  try {
    const values = await localValues([...KASPERSKY_ACTIVE_KEYS], stored);
    const seen = parse(values[KEY]);
    return seen && { ...seen, noticeShown: seen.noticeShown || values[NOTICE_SHOWN_KEY] === true };
  } catch {
    return undefined;
  }
}

/** Records a sighting; returns true when it is the first one. */
export async function recordKasperskyActive(site: string, now = Date.now()): Promise<boolean> {
  const seen = await readKasperskyActive();
  await browser.storage.local.set({ [KEY]: { firstSeen: seen?.firstSeen ?? now, lastSeen: now, site, noticeShown: seen?.noticeShown ?? false } });
  return !seen;
}

/** Notes that the one-time in-page note was shown. */
export async function markKasperskyNoticeShown(): Promise<void> {
  await browser.storage.local.set({ [NOTICE_SHOWN_KEY]: true });
}
