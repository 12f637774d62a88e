/**
 * Picking a site's rule by host, and the manifest content-script entries that deliver each rule
 * to its own pages. Imports no rule, so the page check can use it without carrying every site's rules.
 * @module
 */
import type { PageRule, SiteRule } from '../classifier/types';
import type { FrameCode, NoticePlan } from '../messages';

/**
 * The rule for a host: the rule whose host entry is the longest suffix of it
 * (so `opentip.kaspersky.com` beats `kaspersky.com`).
 *
 * @example findRule('www.amazon.com', SITE_RULES)?.id // 'amazon'
 */
export function findRule(host: string, rules: readonly SiteRule[]): SiteRule | undefined {
  const target = host.toLowerCase().replace(/\.$/, '');
  let best: SiteRule | undefined;
  let bestLength = -1;
  for (const rule of rules) {
    for (const entry of rule.hosts) {
      if ((target === entry || target.endsWith(`.${entry}`)) && entry.length > bestLength) {
        best = rule;
        bestLength = entry.length;
      }
    }
  }
  return best;
}

const isUnder = (host: string, parent: string) => host.endsWith(`.${parent}`);

/** Match patterns of one rule's hosts (each host and its subdomains), without redundant entries. */
export function ruleMatches(rule: SiteRule): string[] {
  return rule.hosts.filter((host) => !rule.hosts.some((other) => isUnder(host, other))).map((host) => `*://*.${host}/*`).sort();
}

/**
 * Whether `host` falls under one of the `*://*.<host>/*` patterns `contentMatches` writes: a site on the list
 * (other patterns are not read).
 *
 * @example onListedSite('www.amazon.com', ['*://*.amazon.com/*']) // true
 */
export function onListedSite(host: string, patterns: readonly string[]): boolean {
  const target = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    const listed = /^\*:\/\/\*\.([^/*]+)\/\*$/.exec(pattern)?.[1];
    return !!listed && (target === listed || isUnder(target, listed));
  });
}

/** Manifest match patterns for every rule's hosts, without redundant entries. */
export function contentMatches(rules: readonly SiteRule[]): string[] {
  const hosts = new Set(rules.flatMap((rule) => rule.hosts));
  return [...hosts].filter((host) => ![...hosts].some((other) => isUnder(host, other))).map((host) => `*://*.${host}/*`).sort();
}

/** The file a rule is delivered in, relative to the extension root. */
export const ruleScriptPath = (rule: SiteRule) => `site-rules/${rule.id}.js`;

/**
 * Globs (matched against the whole URL, case-sensitively, by the browser) of addresses whose path
 * names Kaspersky: "kaspersky" followed later by a "/". Store product URLs carry the product's name
 * in the path (`/Kaspersky-Premium-…/dp/…`, `/site/kaspersky-…/6523456.p`), and every address on
 * Kaspersky's own hosts matches. A query that merely mentions it (`?keywords=kaspersky`) does not.
 * Google Play names an app only in its query, by package: Kaspersky's are com.kms.* and com.kaspersky.*;
 * APK mirrors name it in the path.
 */
export const EARLY_URL_GLOBS = [
  '*kaspersky*/*', '*Kaspersky*/*', '*KASPERSKY*/*', '*/details?id=com.kms.*', '*/details?id=com.kaspersky.*',
  // APK mirrors name the package as a path segment (apkpure.com/<slug>/com.kms.free), whatever the slug says.
  '*/com.kms.*', '*/com.kaspersky.*',
];

export interface RuleContentScript {
  matches: string[];
  exclude_matches?: string[];
  include_globs?: string[];
  exclude_globs?: string[];
  js: string[];
  run_at: 'document_start' | 'document_end';
  all_frames: boolean;
}

/** The scripts the manifest and the background inject, relative to the extension root. */
export const SCRIPTS = {
  /** The cheap test on every page of a covered site (entrypoints/first-stage). */
  firstStage: 'first-stage.js',
  /** The page check (entrypoints/page-check), injected on demand. */
  pageCheck: 'page-check.js',
  /** The notice and block screen (entrypoints/notice), injected only when a page check has something to show. */
  notice: 'notice.js',
  /** The block screen (entrypoints/block-screen): injected only where a page is to be blocked. */
  blockScreen: 'block-screen.js',
  /** What the page check needs on sites without a rule (entrypoints/generic-check): "every site" mode only. */
  genericCheck: 'generic-check.js',
  /** The structured-data reader (entrypoints/structured-data), for sites whose rule reads it. */
  structuredData: 'structured-data.js',
  /** Reading and marking a listing's tiles (entrypoints/listing): injected only where there are tiles to tell apart. */
  listing: 'listing.js',
} as const;

/**
 * What goes into a frame with the page check, in order, after the rule's own script: the readers its rule
 * needs (the generic check on sites without a rule, the structured-data reader where the rule reads
 * structured data) and, on listed sites, the warning bar's code (a page check is loaded there where a notice
 * is likely; in "every site" mode most such pages are articles, and the bar comes with a plan that needs it).
 */
export function pageCheckScripts(rule: Partial<Pick<PageRule, 'role' | 'structuredData'>>): string[] {
  const generic = rule.role === 'generic';
  return [generic ? SCRIPTS.genericCheck : SCRIPTS.notice, ...(rule.structuredData === false ? [] : [SCRIPTS.structuredData]), SCRIPTS.pageCheck];
}

/**
 * The scripts a plan needs that its frame lacks (`CheckRequest.has`): the background injects them before it
 * answers, since a page check asking for them in a round trip of its own would wait behind a large page's
 * first layout.
 */
export function scriptsForPlan(plan: { notice?: Pick<NoticePlan, 'mode'>; markTiles: boolean }, has: FrameCode = {}): string[] {
  const mode = plan.notice?.mode;
  return [
    ...(mode === 'warn' && !has.notice ? [SCRIPTS.notice] : []),
    ...(mode === 'block' && !has.blockScreen ? [SCRIPTS.blockScreen] : []),
    ...(plan.markTiles && !has.listing ? [SCRIPTS.listing] : []),
  ];
}

/**
 * Hands `value` over under `key` in this isolated world, where the page check finds it (`handedOver`). A
 * symbol, not a name: a page can shadow named globals with element ids, never a symbol-keyed property, and
 * the isolated world is out of the page's reach. The first hand-over stays.
 */
export function handOver(key: string, value: unknown): void {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)] ??= value;
}

/** What another script of ours handed over under `key` in this isolated world, if anything. */
export function handedOver(key: string, scope: object = globalThis): unknown {
  return (scope as Record<symbol, unknown>)[Symbol.for(key)];
}

/** Where the notice script hands the page check its functions, in the isolated world they share. */
export const NOTICE_UI_KEY = 'kban.notice-ui';
/** Where the block-screen script hands the page check its functions. */
export const BLOCK_SCREEN_UI_KEY = 'kban.block-screen-ui';
/** Where the generic check hands the page check its reader and classifier. */
export const GENERIC_CHECK_KEY = 'kban.generic-check';
/** Where the structured-data script hands the page check its reader. */
export const STRUCTURED_DATA_KEY = 'kban.structured-data';
/** Where the listing script hands the page check its tile reader and badges. */
export const LISTING_KEY = 'kban.listing';
/**
 * Where a page check offers the extension its report and a re-check (`PageCheckApi`), read by functions the
 * extension runs in that isolated world (components/platform/page-check-loader.ts). No page can reach it,
 * and it spares every checked page a message listener.
 */
export const PAGE_CHECK_API_KEY = 'kban.page-check-api';

/**
 * Two content-script entries per rule, each injecting the rule's own data file first.
 * Addresses that name Kaspersky (EARLY_URL_GLOBS) get the page check itself at document_start, with the
 * notice's code (they are almost always Kaspersky pages), so the page is checked as soon as its product title
 * has parsed (entrypoints/page-check/subject-parsed.ts) and a notice is in place while the rest of a large page
 * is still arriving. Every other address gets only the first stage: a
 * tiny cheap test that asks the background for the page check when the page could be Kaspersky's,
 * so the pages of a store that are about something else never compile the check. Both run in every
 * frame, so a Kaspersky page framed by another page is still checked (and blocked in block mode).
 * Hosts that belong to a more specific rule (store.kaspersky.com inside kaspersky.com) are excluded
 * from the broader rule's entries, so every page gets exactly one rule.
 */
export function ruleContentScripts(rules: readonly SiteRule[]): RuleContentScript[] {
  return rules.flatMap((rule) => {
    const nested = rules
      .filter((other) => other !== rule)
      .flatMap((other) => other.hosts)
      .filter((host) => rule.hosts.some((own) => isUnder(host, own)) && findRule(host, rules) !== rule);
    const base: Pick<RuleContentScript, 'matches' | 'exclude_matches'> = { matches: ruleMatches(rule) };
    if (nested.length) base.exclude_matches = [...new Set(nested)].map((host) => `*://*.${host}/*`).sort();
    const ruleScript = ruleScriptPath(rule);
    const early: RuleContentScript = { ...base, include_globs: EARLY_URL_GLOBS, js: [ruleScript, ...pageCheckScripts(rule)], run_at: 'document_start', all_frames: true };
    // Kaspersky's own hosts: every address names Kaspersky, so the page check comes at once and there is no first stage.
    if (rule.hosts.every((host) => host.includes('kaspersky'))) return [early];
    return [
      early,
      { ...base, exclude_globs: EARLY_URL_GLOBS, js: [ruleScript, SCRIPTS.firstStage], run_at: 'document_start', all_frames: true },
    ];
  });
}

/**
 * Where a rule script puts its rule in the isolated world. A symbol, not a name: a page can shadow
 * named globals with element ids (`<div id="__kbanRules">`), never a symbol-keyed property.
 */
export const RULE_KEY = 'kban.rule';

/** The rule a rule script put in this isolated world, if any. */
export function injectedRule(scope: object = globalThis): PageRule | undefined {
  const rule = handedOver(RULE_KEY, scope);
  return rule && typeof rule === 'object' ? (rule as PageRule) : undefined;
}

/** A value as JavaScript source: like JSON, but regular expressions stay regular expressions. */
function toSource(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[${value.map(toSource).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => `${JSON.stringify(key)}:${toSource(entry)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The content of a rule's data script: it puts the page's part of the rule in the isolated world (once). */
export function serializeRule(rule: SiteRule): string {
  const { hosts: _hosts, name: _name, ...pageRule }: SiteRule = rule;
  const page: PageRule = pageRule;
  return `globalThis[Symbol.for(${JSON.stringify(RULE_KEY)})]??=${toSource(page)};\n`;
}
