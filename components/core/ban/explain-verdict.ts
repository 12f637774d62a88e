/**
 * Turns the content script's report into words for the popup: which i18n messages say what the
 * page is, why (from `classification.reasons`) and what the extension did. Pure: returns message
 * keys and substitutions; the popup looks them up.
 * @module
 */
import type { PageReport } from '../messages';
import { hostOf } from '../classifier/classify';
import { SITE_RULES } from '../site-rules';
import { GENERIC_RULE } from '../site-rules/generic';
import { FREE_TOOL } from './notice-text';

/** An i18n message key with its substitutions. */
export interface Message {
  key: string;
  substitutions: string[];
  /** Set for plural messages: `key` is a base whose `_one`/`_other`… forms are chosen for this count. */
  count?: number;
}

/** What the popup says about a page. */
export interface VerdictExplanation {
  /** Short heading: "Kaspersky purchase page", "Nothing to flag", … */
  heading: Message;
  /** "Amazon product page for Kaspersky Premium". */
  summary: Message;
  /** Message keys of the evidence, in the classifier's order, without duplicates ("product title", "brand"). */
  evidence: string[];
  /** What the extension did on the page; absent when it did nothing worth saying. */
  action?: Message;
  /**
   * "What this means for you": what the page means for the reader and what to do, plus the hedges
   * the verdict needs (free tools are covered by inference only). Absent on pages left alone.
   */
  meaning?: Message[];
  /** Whether to answer "Am I breaking the law if I buy it?" (purchase and download pages). */
  buyingQuestion: boolean;
  /** The visual tone: `flagged` (purchase/download), `exempt`, or `neutral`. */
  tone: 'flagged' | 'exempt' | 'neutral';
}

/** Reason codes (exact, or the part before `:`) → i18n keys. Codes not listed add no words. */
const REASON_KEYS: ReadonlyArray<[RegExp, string]> = [
  // Sites without a rule of their own: the generic check decided (classify-generic.ts).
  [/^site:generic$/, 'popup_reason_generic'],
  [/^generic:forum$/, 'popup_reason_generic_forum'],
  [/^generic:job$/, 'popup_reason_generic_job'],
  [/^generic:media$/, 'popup_reason_generic_media'],
  [/^generic:video$/, 'popup_reason_generic_video'],
  [/^generic:coupon$/, 'popup_reason_generic_coupon'],
  [/^generic:roundup$/, 'popup_reason_generic_roundup'],
  [/^generic:guide$/, 'popup_reason_generic_guide'],
  [/^generic:not-main-product$/, 'popup_reason_generic_not_main'],
  [/^generic:no-product-data$/, 'popup_reason_generic_no_product'],
  [/^generic:affiliate-only$/, 'popup_reason_generic_affiliate'],
  [/^generic:no-control$/, 'popup_reason_generic_no_control'],
  [/^install-command$/, 'popup_reason_install_command'],
  [/^subject:product-title$/, 'popup_reason_product_title'],
  [/^subject:structured-data$/, 'popup_reason_structured_data'],
  [/^subject:h1$/, 'popup_reason_heading'],
  [/^subject:(?:og-title|title)$/, 'popup_reason_page_title'],
  [/^brand:kaspersky$/, 'popup_reason_brand'],
  [/^product-path$/, 'popup_reason_product_path'],
  [/^buy-control$/, 'popup_reason_buy_button'],
  [/^download-control$/, 'popup_reason_download_button'],
  [/^free$/, 'popup_reason_free'],
  [/^vendor-path:unlisted$/, 'popup_reason_vendor_unlisted'],
  [/^vendor-path:/, 'popup_reason_vendor_path'],
  [/^exempt:threat-intelligence$/, 'popup_reason_exempt_ti'],
  [/^exempt:security-training$/, 'popup_reason_exempt_training'],
  [/^exempt:consulting$/, 'popup_reason_exempt_consulting'],
  [/^listing-path$/, 'popup_reason_listing'],
  [/^ignored-path$/, 'popup_reason_ignored_path'],
  [/^editorial:/, 'popup_reason_editorial'],
  [/^not-a-product-page$/, 'popup_reason_not_product'],
  [/^subject-not-kaspersky:/, 'popup_reason_not_kaspersky'],
  [/^no-kaspersky-mention$/, 'popup_reason_not_kaspersky'],
  [/^brand-not-kaspersky$/, 'popup_reason_brand_not_kaspersky'],
  [/^mention-only$/, 'popup_reason_mention_only'],
  [/^non-software-category$/, 'popup_reason_non_software'],
];

/** Every i18n key this module can return, so a test can check that each exists in every locale. */
export const EXPLAIN_KEYS: readonly string[] = [
  ...new Set([
    ...REASON_KEYS.map(([, key]) => key),
    'popup_verdict_purchase',
    'popup_verdict_download',
    'popup_verdict_exempt',
    'popup_verdict_none',
    'popup_verdict_listing',
    'popup_explain_purchase',
    'popup_explain_purchase_vendor',
    'popup_explain_download',
    'popup_explain_exempt',
    'popup_explain_none',
    'popup_explain_listing',
    'popup_action_warned',
    'popup_action_blocked',
    'popup_action_exempt',
    'popup_action_dismissed',
    'popup_action_not_covered',
    'popup_action_off',
    'popup_action_listing_one',
    'popup_action_listing_other',
    'popup_meaning_purchase',
    'popup_meaning_download',
    'popup_meaning_exempt',
    'popup_meaning_listing',
    'notice_hedge_free',
  ]),
];

/** The i18n key for one reason code, or undefined when the code adds nothing a reader needs. */
export function reasonKey(reason: string): string | undefined {
  return REASON_KEYS.find(([pattern]) => pattern.test(reason))?.[1];
}

const ACTION_KEYS: Partial<Record<PageReport['action'], string>> = {
  warned: 'popup_action_warned',
  blocked: 'popup_action_blocked',
  'exempt-note': 'popup_action_exempt',
  dismissed: 'popup_action_dismissed',
  'not-covered': 'popup_action_not_covered',
  off: 'popup_action_off',
};

/**
 * Explains a page report in message keys.
 *
 * @example explainVerdict(amazonPremiumReport).summary
 * // → { key: 'popup_explain_purchase', substitutions: ['Amazon', 'Kaspersky Premium'] }
 */
export function explainVerdict(report: PageReport): VerdictExplanation {
  const { classification } = report;
  const rule = SITE_RULES.find((entry) => entry.id === classification.ruleId);
  // A site without a rule of its own is named by its address: "gamivo.com product page for …".
  const site =
    classification.ruleId === GENERIC_RULE.id ? hostOf(report.url).replace(/^www\./, '') || GENERIC_RULE.name : (rule?.name ?? classification.ruleId ?? '');
  const product = classification.product || 'Kaspersky';
  const evidence = [...new Set(classification.reasons.map(reasonKey).filter((key): key is string => !!key))];
  const actionKey = ACTION_KEYS[report.action];
  const action: Message | undefined =
    report.action === 'listing'
      ? { key: 'popup_action_listing', substitutions: [String(report.items)], count: report.items }
      : actionKey
        ? { key: actionKey, substitutions: [] }
        : undefined;

  if (classification.verdict === 'purchase' || classification.verdict === 'download') {
    const summaryKey =
      classification.verdict === 'download'
        ? 'popup_explain_download'
        : rule?.role === 'vendor'
          ? 'popup_explain_purchase_vendor'
          : 'popup_explain_purchase';
    return {
      heading: { key: `popup_verdict_${classification.verdict}`, substitutions: [] },
      summary: { key: summaryKey, substitutions: [site, product] },
      evidence,
      action,
      meaning: [
        { key: `popup_meaning_${classification.verdict}`, substitutions: [] },
        ...(classification.verdict === 'download' && FREE_TOOL.test(product) ? [{ key: 'notice_hedge_free', substitutions: [] }] : []),
      ],
      buyingQuestion: true,
      tone: 'flagged',
    };
  }
  if (classification.verdict === 'exempt') {
    return {
      heading: { key: 'popup_verdict_exempt', substitutions: [] },
      summary: { key: 'popup_explain_exempt', substitutions: [site, product] },
      evidence,
      action,
      meaning: [{ key: 'popup_meaning_exempt', substitutions: [] }],
      buyingQuestion: false,
      tone: 'exempt',
    };
  }
  if (classification.listing) {
    return {
      heading: { key: report.items > 0 ? 'popup_verdict_listing' : 'popup_verdict_none', substitutions: [] },
      summary: { key: 'popup_explain_listing', substitutions: [site] },
      evidence,
      action,
      meaning: report.items > 0 ? [{ key: 'popup_meaning_listing', substitutions: [] }] : undefined,
      buyingQuestion: false,
      tone: report.items > 0 ? 'flagged' : 'neutral',
    };
  }
  return {
    heading: { key: 'popup_verdict_none', substitutions: [] },
    summary: { key: 'popup_explain_none', substitutions: [site] },
    evidence,
    action,
    buyingQuestion: false,
    tone: 'neutral',
  };
}
