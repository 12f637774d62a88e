/**
 * What the page check needs besides the user's settings, prepared by the background so web pages
 * don't pay for it: the admin's policy as last validated (managed storage can take seconds to
 * answer after the browser starts), the time zone, and the ban's dates formatted for the UI
 * language (the first `Intl` call on a page costs 10–30 ms). Kept in storage.local, where the
 * background reads it to decide pages (page-state.ts) and the search-results script reads it too.
 * @module
 */
import { browser } from 'wxt/browser';
import { milestoneDate } from '../core/ban/timeline';
import { pluralMessage } from '../core/i18n/plural';
import { lookUpPageMessages, parsePageMessages } from '../core/i18n/page-messages';
import type { ExtensionMessage } from '../core/messages';
import { POLICY_DEFAULTS, type Policy } from '../core/policy/policy';
import { zoneRegion, type ZoneRegion } from '../core/region/detect-region';
import { localValues } from './local-values';
import { SETTINGS_KEY } from './settings-store';
import { readManagedPolicy } from './managed-policy';
import { formatLocale, t } from './i18n';

/** Storage key of the prepared context. */
export const PAGE_CONTEXT_KEY = 'pageContext';

export interface PageContext {
  /** The policy's valid keys, as `parsePolicy` left them. */
  policy: Partial<Policy>;
  timeZone: string;
  /** What the time zone says about location (the zone list stays out of web pages). */
  zone: ZoneRegion;
  /** `dateStyle: long` dates in US Eastern time, in the language of the extension's messages. */
  dates: { noNewSales: string; noUpdates: string };
  /** The block screen's "Proceed anyway for N minutes" for the policy's `proceedMinutes`, plural-resolved. */
  proceedLabel?: string;
  /** The messages pages show, in the UI language (`components/core/i18n/page-messages.ts`): pages then never start the browser's i18n. */
  messages?: Record<string, string>;
}

/** Formats the ban's dates for a language (US Eastern time, where the cut-offs are defined). */
export function formatBanDates(language: string): PageContext['dates'] {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'America/New_York' });
  return { noNewSales: format.format(milestoneDate('no-new-sales')), noUpdates: format.format(milestoneDate('no-updates')) };
}

/** The block screen's proceed button for a policy, in the UI language, with the right plural form. */
export function proceedLabel(policy: Partial<Policy>, language: string = formatLocale()): string {
  const minutes = policy.proceedMinutes ?? POLICY_DEFAULTS.proceedMinutes;
  return pluralMessage(t, language, 'block_proceed', minutes, [new Intl.NumberFormat(language).format(minutes)]);
}

/** Background: the context as known right now, with the last validated policy (managed storage not awaited). */
export async function currentPageContext(): Promise<PageContext> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  const previous = parsePageContext((await browser.storage.local.get(PAGE_CONTEXT_KEY))[PAGE_CONTEXT_KEY]);
  const policy = previous?.policy ?? {};
  return { timeZone, zone: zoneRegion(timeZone), dates: formatBanDates(formatLocale()), policy, proceedLabel: proceedLabel(policy), messages: lookUpPageMessages(t) };
}

/**
 * Background: writes the context; call on start and whenever the policy changes. Writes what it
 * knows at once (keeping the last validated policy), then again when managed storage answers,
 * which can take seconds after the browser starts.
 */
export async function writePageContext(): Promise<void> {
  const now = await currentPageContext();
  await browser.storage.local.set({ [PAGE_CONTEXT_KEY]: now });
  const managed = await readManagedPolicy();
  await browser.storage.local.set({ [PAGE_CONTEXT_KEY]: { ...now, policy: managed.policy, proceedLabel: proceedLabel(managed.policy) } satisfies PageContext });
}

/** Reads a stored context defensively: anything malformed is treated as absent. */
export function parsePageContext(raw: unknown): PageContext | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const value = raw as Record<string, unknown>;
  const dates = value.dates as Record<string, unknown> | undefined;
  const zone = value.zone === 'us' || value.zone === 'non-us' || value.zone === 'unknown' ? value.zone : undefined;
  if (typeof value.timeZone !== 'string' || !zone || !dates || typeof dates.noNewSales !== 'string' || typeof dates.noUpdates !== 'string') return undefined;
  const policy = value.policy && typeof value.policy === 'object' && !Array.isArray(value.policy) ? (value.policy as Partial<Policy>) : {};
  const context: PageContext = { policy, timeZone: value.timeZone, zone, dates: { noNewSales: dates.noNewSales, noUpdates: dates.noUpdates } };
  if (typeof value.proceedLabel === 'string') context.proceedLabel = value.proceedLabel;
  const messages = parsePageMessages(value.messages);
  if (messages) context.messages = messages;
  return context;
}

/**
 * Content script: the prepared context. In the first moments after install, before the background
 * has written it, the background is asked directly (a message, not a cost every page pays).
 */
export async function readPageContext(stored?: Record<string, unknown>): Promise<PageContext | undefined> {
  try {
    const context = parsePageContext((await localValues(PAGE_CONTEXT_KEY, stored))[PAGE_CONTEXT_KEY]);
    return context ?? parsePageContext(await browser.runtime.sendMessage({ type: 'kban:page-context' } satisfies ExtensionMessage));
  } catch {
    return undefined;
  }
}

/**
 * Background: calls `listener` when what pages are decided on changes in storage.local: the user's settings or
 * the prepared context. A rewrite with the same value (the context is written at every start) is no change.
 */
export function watchPageInputs(listener: () => void): () => void {
  const onChanged = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed = [PAGE_CONTEXT_KEY, SETTINGS_KEY].some((key) => key in changes && JSON.stringify(changes[key]!.oldValue) !== JSON.stringify(changes[key]!.newValue));
    if (changed) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
