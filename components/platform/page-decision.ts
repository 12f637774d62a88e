/**
 * Background: the deciding half of the page check. A page check reads its page's signals and sends
 * them here; the verdict, what to show and the report are worked out here and sent back as a plan.
 * The classifier (its code and its many regular expressions) then compiles once in the service
 * worker, not on every page that shows a notice: there it cost about 2 ms of the page's main thread
 * per load on the benchmark's flagged page, and the settings read another millisecond.
 * @module
 */
import { noticeWords } from '../core/ban/notice-text';
import { classify, classifyTiles } from '../core/classifier/classify';
import { classifyGeneric } from '../core/classifier/classify-generic';
import type { Classification, SiteRule } from '../core/classifier/types';
import type { CheckRequest, PagePlan, PageReport, TilesPlan, TilesRequest } from '../core/messages';
import { pageLookup } from '../core/i18n/page-messages';
import { decideAction } from '../core/page-action';
import { decideRegion } from '../core/region/detect-region';
import { SITE_RULES } from '../core/site-rules';
import { GENERIC_RULE } from '../core/site-rules/generic';
import { t as browserLookup } from './i18n';
import { markKasperskyNoticeShown } from './kaspersky-active';
import { readPageState } from './page-state';

/** The rule a page check names (its rule script's id). */
export function ruleById(id: string): SiteRule | undefined {
  return id === GENERIC_RULE.id ? GENERIC_RULE : SITE_RULES.find((rule) => rule.id === id);
}

/**
 * The plan for a page of `host` from what its page check read.
 *
 * @example (await decidePage(request, 'www.amazon.com')).notice?.mode // 'warn'
 */
export async function decidePage(request: CheckRequest, host: string): Promise<PagePlan> {
  const rule = ruleById(request.ruleId);
  const classification: Classification = !rule
    ? { verdict: 'none', reasons: ['no-site-rule'] }
    : rule.role === 'generic'
      ? classifyGeneric(request.signals, rule)
      : classify(request.signals, rule);
  const report: PageReport = { url: request.signals.url, classification, action: 'none', items: 0, checks: request.checks };
  if (classification.verdict === 'none' && !classification.listing) return { report, markTiles: false };

  const state = await readPageState(host);
  const region = decideRegion({ policy: state.policy.region, user: state.user.region, zone: state.zone });
  const { action, mode, markTiles } = decideAction({ classification, settings: state, covered: region.covered, proceed: state.proceed, host });
  const plan: PagePlan = { report: { ...report, action }, markTiles };
  // Pages get their words ready to show, in the UI language: no lookup or message table on a web page.
  const t = pageLookup(state.messages, browserLookup);
  if (markTiles) plan.badges = { purchase: t('badge_purchase'), download: t('badge_download'), explanation: t('badge_explanation') };
  if (mode) {
    // The note that Kaspersky runs on this computer shows once, inside a notice shown anyway.
    const kasperskyNote = (request.kasperskySeen || !!state.kasperskyActive) && !state.kasperskyActive?.noticeShown;
    if (kasperskyNote) await markKasperskyNoticeShown();
    const canDismiss = mode === 'warn' && state.policy.allowDismiss && classification.verdict !== 'exempt';
    const words = noticeWords(
      { classification, mode, dates: state.dates, region: { source: region.source, basis: region.basis }, policy: state.policy, canDismiss, kasperskyNote, proceedLabel: state.proceedLabel },
      t,
    );
    plan.notice = { mode, policy: state.policy, words };
  }
  return plan;
}

/** Which of a listing's tiles are Kaspersky products, and the report that makes of the page. */
export function decideTiles(request: TilesRequest): TilesPlan {
  const rule = ruleById(request.ruleId);
  const marks = rule ? classifyTiles(request.tiles, rule).map(({ index, kind }) => ({ index, kind })) : [];
  const report: PageReport = marks.length ? { ...request.report, action: 'listing', items: marks.length } : request.report;
  return { marks, report };
}
