/**
 * What the in-page notice says, as i18n keys and substitutions: first what the page means for the
 * reader and what to do, then the dates that apply to this kind of page, the hedges where the
 * verdict rests on kban's reading (ban-facts [INF]), why kban assumed the reader is covered, and
 * the "not legal advice" line. Pure and small: it ships in the page check, so no site-rule table here.
 * @module
 */
import type { Classification } from '../classifier/types';
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
