/**
 * What the in-page notice says, as i18n keys and substitutions: first what the page means for the
 * reader and what to do, then the dates that apply to this kind of page, the hedges where the
 * verdict rests on kban's reading (ban-facts [INF]), why kban assumed the reader is covered, and
 * the "not legal advice" line; then `noticeWords` looks them up. Pure. It runs in the background, which hands a
 * page its notice's words ready to show (`NoticePlan.words`): no lookup, text logic or message table on web pages.
 * @module
 */
import type { Classification } from '../classifier/types';
import type { MessageLookup } from '../i18n/plural';
import type { NoticeWords } from '../messages';
import type { Policy } from '../policy/policy';
import type { RegionDecision } from '../region/detect-region';

/** An i18n key with its substitutions. */
export interface NoticeMessage {
  key: string;
  substitutions?: string[];
}

export interface NoticeText {
  title: NoticeMessage;
  /** Purchase/download: what it means for the reader and what to do. Exempt: the category, hedged. */
  lead: NoticeMessage;
  /** Small print, in order: the dates for this kind of page, hedges, why it is shown, not legal advice. */
  facts: NoticeMessage[];
}

/**
 * Free tools are covered by inference only (ban-facts §3 "Free products and free tools" [INF]).
 * Names from ban-facts §5 "Free tools". Linear: one alternation of literals.
 */
export const FREE_TOOL = /\b(?:free|virus removal tool|kvrt|tdsskiller|rescue disk|security scan)\b/i;
/** CyberTrace is only "probably" exempt (ban-facts §4 table). */
const PROBABLY_EXEMPT = /\bcybertrace\b/i;

/** Kaspersky's own sites (rule ids `kaspersky`, `kaspersky-store`, …) sell directly; every other site resells. */
function isVendorRule(ruleId: string | undefined): boolean {
  return !!ruleId && ruleId.startsWith('kaspersky');
}

/** Why kban showed the notice, from the region decision (only covered decisions get a notice). */
export function basisKey(region: Pick<RegionDecision, 'source' | 'basis'> | undefined): string | undefined {
  if (!region) return undefined;
  const { source, basis } = region;
  return `notice_basis_${source === 'policy' ? 'policy' : source === 'user' ? (basis === 'us-person-abroad' ? 'user_abroad' : 'user_us') : basis === 'unknown' ? 'zone_unknown' : 'zone_us'}`;
}

/**
 * The notice's text for a flagged or exempt page.
 *
 * @example noticeText({ classification: { verdict: 'purchase', ruleId: 'amazon', product: 'Kaspersky Plus', reasons: [] }, mode: 'warn', dates })
 * // → { title: { key: 'notice_title_purchase', … }, lead: { key: 'notice_lead_purchase' }, facts: [{ key: 'notice_facts_reseller', … }, …] }
 */
export function noticeText(input: {
  classification: Classification;
  mode: 'warn' | 'block';
  /** The ban's dates, formatted for the UI language. */
  dates: { noNewSales: string; noUpdates: string };
  region?: Pick<RegionDecision, 'source' | 'basis'>;
}): NoticeText {
  const { classification, mode, dates } = input;
  const product = classification.product || 'Kaspersky';
  const legal: NoticeMessage = { key: 'notice_not_legal_advice' };
  if (classification.verdict === 'exempt') {
    const probable = PROBABLY_EXEMPT.test(product);
    const category = classification.category === 'security-training' ? 'training' : classification.category === 'consulting' ? 'consulting' : 'ti';
    return {
      title: { key: `notice_title_exempt${probable ? '_probable' : ''}`, substitutions: [product] },
      lead: { key: `notice_body_exempt_${probable ? 'probable' : category}` },
      facts: [legal],
    };
  }
  const download = classification.verdict === 'download';
  const kind = download ? 'download' : 'purchase';
  const when = [dates.noNewSales, dates.noUpdates];
  const facts: NoticeMessage[] = [{ key: `notice_facts_${download ? kind : isVendorRule(classification.ruleId) ? 'vendor' : 'reseller'}`, substitutions: when }];
  if (download && FREE_TOOL.test(product)) facts.push({ key: 'notice_hedge_free' });
  const basis = basisKey(input.region);
  if (basis) facts.push({ key: basis });
  facts.push(legal);
  return {
    title: { key: `${mode === 'block' ? 'block' : 'notice'}_title_${kind}`, substitutions: [product] },
    lead: { key: `notice_lead_${kind}` },
    facts,
  };
}

/**
 * Every word of a notice, looked up with `t` (the page messages in the UI language): what the warning bar or the
 * block screen shows, with the lines and buttons the policy and the plan call for.
 *
 * @example noticeWords({ classification, mode: 'warn', dates, policy, canDismiss: true }, t).title // "Kaspersky Premium can't be sold in the US or to US persons"
 */
export function noticeWords(
  input: Parameters<typeof noticeText>[0] & {
    policy: Pick<Policy, 'organizationName' | 'supportMessage' | 'supportUrl' | 'allowProceed' | 'proceedMinutes'>;
    canDismiss: boolean;
    kasperskyNote?: boolean;
    /** "Proceed anyway for 60 minutes", plural-resolved (components/platform/page-context.ts). */
    proceedLabel?: string;
  },
  t: MessageLookup,
): NoticeWords {
  const text = noticeText(input);
  const say = (message: NoticeMessage) => t(message.key, message.substitutions);
  const { organizationName, supportMessage, supportUrl } = input.policy;
  const words: NoticeWords = { title: say(text.title), lead: say(text.lead), facts: text.facts.map(say).join(' '), details: t('notice_details') };
  // A name alone is no message: "Message from ACME Corp:" with nothing after it reads as broken.
  if (supportMessage) words.organization = [organizationName ? t('notice_org_message', [organizationName]) : '', supportMessage].filter(Boolean).join(' ');
  if (supportUrl) words.supportLink = t('notice_support_link');
  if (input.kasperskyNote) words.kasperskyActive = t('notice_kaspersky_active', [input.dates.noUpdates]);
  if (input.canDismiss) words.dismiss = t('notice_dismiss_label');
  if (input.mode === 'block' && input.policy.allowProceed) words.proceed = input.proceedLabel || t('block_proceed_other', [String(input.policy.proceedMinutes)]);
  return words;
}
