/**
 * Messages between the content script, the background and the extension pages.
 * @module
 */
import type { Classification, ItemKind, PageSignals, TileSignal } from './classifier/types';
import type { Policy } from './policy/policy';

/** What the content script did with the page. */
export type PageAction = 'warned' | 'blocked' | 'exempt-note' | 'dismissed' | 'not-covered' | 'off' | 'listing' | 'none';

/** The content script's view of its page, sent to the background and answered to the popup. */
export interface PageReport {
  url: string;
  classification: Classification;
  action: PageAction;
  /** Kaspersky tiles marked on a listing page. */
  items: number;
  /** How many times the content script has checked this address so far (bounded). */
  checks?: number;
}

/** What a page check asks the background to decide: its page's signals, read under the rule `ruleId`. */
export interface CheckRequest {
  type: 'kban:check';
  ruleId: string;
  signals: PageSignals;
  /** Checks of this address so far (for the report). */
  checks: number;
  /** The page carries the trace of Kaspersky's web protection. */
  kasperskySeen: boolean;
  /** The key of the last report this page check made (`reportKey`): an unchanged report is not reported again. */
  previous: string;
  /** Code the frame already has, which the background would otherwise inject before answering (`scriptsForPlan`). */
  has?: FrameCode;
}

/** A listing page's tiles, to be told apart (sent when the plan asked for them). */
export interface TilesRequest {
  type: 'kban:tiles';
  ruleId: string;
  tiles: TileSignal[];
  /** The report of the check that asked for the tiles. */
  report: PageReport;
  previous: string;
}

/** The notice a page check is to show, with everything it says already decided. */
export interface NoticePlan {
  mode: 'warn' | 'block';
  policy: Policy;
  /** What the notice says, in the UI language (components/core/ban/notice-text.ts `noticeWords`). */
  words: NoticeWords;
}

/** A notice's words, ready to show: web pages look nothing up. Optional lines are there only when the notice shows them. */
export interface NoticeWords {
  title: string;
  /** What it means and what to do (exempt: the category, hedged). */
  lead: string;
  /** The small print: dates, hedges, why it is shown, not legal advice. */
  facts: string;
  /** The button that opens the details. */
  details: string;
  /** The organisation's message, after "Message from <name>:" when it has a name. */
  organization?: string;
  /** The label of the organisation's support link. */
  supportLink?: string;
  /** The one-time note that Kaspersky appears to run on this computer. */
  kasperskyActive?: string;
  /** The dismiss button's accessible name: there only on warning bars the policy lets close. */
  dismiss?: string;
  /** "Proceed anyway for 60 minutes": there only on block screens the policy lets pass. */
  proceed?: string;
}

/** The words of a listing's tile badges. */
export interface BadgeWords {
  purchase: string;
  download: string;
  /** Said to screen readers and on hover: why the tile is marked. */
  explanation: string;
}

/** Which of the code a plan may need a frame already has: the warning bar, the block screen, the listing's. */
export interface FrameCode {
  notice?: boolean;
  blockScreen?: boolean;
  listing?: boolean;
}

/** What a page check offers the extension in its isolated world (under `PAGE_CHECK_API_KEY`). */
export interface PageCheckApi {
  /** What it decided and did on this page; undefined before its first check. */
  report(): PageReport | undefined;
  /** Settings or policy changed: check again, and redraw the notice on show. */
  recheck(): void;
}

/** The background's answer to a `CheckRequest`. */
export interface PagePlan {
  report: PageReport;
  notice?: NoticePlan;
  /** Listing tiles may be badged: send them (`TilesRequest`). */
  markTiles: boolean;
  /** The tile badges' words, in the UI language; present when tiles may be badged. */
  badges?: BadgeWords;
}

/** The background's answer to a `TilesRequest`: which tiles are Kaspersky products, and the report. */
export interface TilesPlan {
  marks: Array<{ index: number; kind: ItemKind }>;
  report: PageReport;
}

/** What identifies a report: an unchanged key is not reported again. */
export const reportKey = (report: PageReport): string => `${report.url}|${report.classification.verdict}|${report.action}|${report.items}`;

export type ExtensionMessage =
  | CheckRequest
  | TilesRequest
  /** From the block screen's proceed button (a person's click): a proceed grant for the frame's site. */
  | { type: 'kban:proceed' }
  /** From the notice's dismiss button (a person's click): the frame's site joins the dismissed sites. */
  | { type: 'kban:dismiss' }
  /** From the first stage: this frame could be a Kaspersky page; inject the page check into it. */
  | { type: 'kban:load-check' }
  | { type: 'kban:open-details' }
  /** The content script needs the page context before the background has stored it (just after install). */
  | { type: 'kban:page-context' }
  /** The page carries the trace of Kaspersky's web protection (Kaspersky runs on this computer). */
  | { type: 'kban:kaspersky-active'; site: string };
