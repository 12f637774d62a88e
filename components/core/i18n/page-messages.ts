/**
 * The messages web pages show (notice, block screen, tile badges), as the background hands them over.
 * The first `i18n.getMessage` in a page's isolated world sets up the browser's i18n API and loads the
 * extension's message bundle through a synchronous call to the browser (about 2–3 ms on a large page,
 * before the notice can draw). The background looks these messages up once, in the UI language, and keeps
 * them in the page context: it composes a notice's and the tile badges' words from them and hands a page
 * only those (components/platform/page-decision.ts); the search-results script reads the context itself.
 * Pure: no browser APIs.
 * @module
 */
import type { MessageLookup } from './plural';

/** Every message a script in a web page shows. `tests/components/core/i18n/page-messages.test.ts` keeps it complete. */
export const PAGE_MESSAGE_KEYS = [
  'notice_title_purchase', 'notice_title_download', 'notice_title_exempt', 'notice_title_exempt_probable',
  'notice_lead_purchase', 'notice_lead_download',
  'notice_body_exempt_ti', 'notice_body_exempt_training', 'notice_body_exempt_consulting', 'notice_body_exempt_probable',
  'notice_facts_reseller', 'notice_facts_vendor', 'notice_facts_download', 'notice_hedge_free', 'notice_not_legal_advice',
  'notice_basis_zone_us', 'notice_basis_zone_unknown', 'notice_basis_user_us', 'notice_basis_user_abroad', 'notice_basis_policy',
  'notice_org_message', 'notice_support_link', 'notice_details', 'notice_dismiss_label', 'notice_kaspersky_active',
  'block_title_purchase', 'block_title_download', 'block_proceed_one', 'block_proceed_other',
  'badge_purchase', 'badge_download', 'badge_explanation', 'search_badge_explanation',
] as const;

/** Most substitutions a page message takes (`$1` … `$9`). */
const SLOTS = 9;
/**
 * What the background passes as substitutions, so each `$n` comes back as a marker the page fills in:
 * private-use characters, which no message contains. Each marker has its own character, so finding
 * one is a single-character test (linear, whatever a substitution holds).
 */
const SLOT_MARKS = Array.from({ length: SLOTS }, (_, index) => String.fromCharCode(0xe001 + index));
const SLOT_MARK = /[\ue001-\ue009]/g;

/** Background: the page messages in the UI language, each with markers where its `$n` go. */
export function lookUpPageMessages(t: MessageLookup): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const key of PAGE_MESSAGE_KEYS) {
    const message = t(key, SLOT_MARKS);
    if (message && message !== key) messages[key] = message;
  }
  return messages;
}

/** Keeps only known keys with string values (a corrupt stored context must not put anything else on a page). */
export function parsePageMessages(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const messages: Record<string, string> = {};
  for (const key of PAGE_MESSAGE_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string') messages[key] = value;
  }
  return messages;
}

/**
 * Page: a lookup over the handed-over messages; a key they lack (the first moments after install, an
 * older context) goes to `fallback`, the browser's own lookup.
 *
 * @example pageLookup({ notice_org_message: 'Message from \ue001:' }, t)('notice_org_message', ['ACME']) // 'Message from ACME:'
 */
export function pageLookup(messages: Record<string, string> | undefined, fallback: MessageLookup): MessageLookup {
  return (key, substitutions) => {
    const message = messages?.[key];
    if (message === undefined) return fallback(key, substitutions);
    const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return message.replace(SLOT_MARK, (mark) => values[mark.charCodeAt(0) - 0xe001] ?? '');
  };
}
