/**
 * The page check's loop: read signals → ask the background for a plan → notice or tile badges, kept in
 * step with pages that change without reloading. The work per page is bounded: mutations only schedule
 * a check, checks run at most every CHECK_DELAY_MS and at most MAX_CHECKS_PER_URL times per address.
 * It reads the page (collect-signals.ts; fingerprint.ts says whether it changed) and draws the plan
 * (draw-plan.ts); the background decides (components/platform/page-decision.ts), so the classifier and the
 * settings never compile in a web page.
 * @module
 */
import { browser } from 'wxt/browser';
import { locationPath, onListingPath } from '@/components/core/classifier/classify';
import type { PageRule } from '@/components/core/classifier/types';
import { reportKey, type ExtensionMessage, type PageCheckApi, type PagePlan, type PageReport } from '@/components/core/messages';
import { PAGE_CHECK_API_KEY } from '@/components/core/site-rules/find-rule';
import { collectSignals, hasKasperskyTrace } from './collect-signals';
import { createPlanDrawer } from './draw-plan';
import { pageFingerprint } from './fingerprint';
import { createNoticeSlot } from './notice-slot';
import { whenSubjectParsed } from './subject-parsed';
import { injectedGenericCheck, injectedListing, injectedNoticeUi, injectedStructuredReader } from './injected';
import type { Lifecycle } from './lifecycle';

const CHECK_DELAY_MS = 400;
const BLOCK_GUARD_DELAY_MS = 50;
const MAX_CHECKS_PER_URL = 60;

/** Starts checking the page for `rule`'s site; `onReady` runs when a check can run (the subject or the page has parsed; it may run twice). */
export function startPageCheck(life: Lifecycle, rule: PageRule, onReady?: () => void): void {
  let lastReportKey = '';
  let report: PageReport | undefined;
  let checksForUrl = 0;
  let currentUrl = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  /** The page carries Kaspersky's web-protection trace (looked for at the first check). */
  let kasperskySeen: boolean | undefined;
  let lastFingerprint = '';
  const slot = createNoticeSlot(rule);
  const send = (message: ExtensionMessage): Promise<unknown> => browser.runtime.sendMessage(message).catch(() => undefined);
  const drawer = createPlanDrawer({
    rule,
    life,
    slot,
    send,
    lastReportKey: () => lastReportKey,
    setReport: (next) => {
      report = next;
      lastReportKey = reportKey(next);
    },
    readAgain: () => void (lastFingerprint = ''),
    checkNow: () => checkNow(),
  });

  const check = async () => {
    timer = undefined;
    if (!life.isValid()) return;
    if (location.href !== currentUrl) {
      currentUrl = location.href;
      checksForUrl = 0;
      slot.newAddress();
      injectedListing()?.unmarkTiles(document);
    }
    checksForUrl++;
    // Kaspersky's web protection puts its trace in the HTML as served: look once per page load.
    if (kasperskySeen === undefined) {
      kasperskySeen = hasKasperskyTrace(document);
      if (kasperskySeen) void send({ type: 'kban:kaspersky-active', site: location.hostname });
    }
    // On a site without a rule, the generic check the background injected first reads what it needs.
    const generic = rule.role === 'generic' ? injectedGenericCheck() : undefined;
    if (rule.role === 'generic' && !generic) {
      report = noneReport(rule, location.href, checksForUrl, 'generic-check-missing');
      return;
    }
    // A page that keeps changing (carousels, live prices) is re-read only when what names its subject changed.
    const listing = onListingPath(rule, locationPath(location));
    const fingerprint = pageFingerprint(document, rule, listing);
    if (fingerprint === lastFingerprint && slot.element?.isConnected !== false) {
      if (report) report = { ...report, checks: checksForUrl };
      return;
    }
    lastFingerprint = fingerprint;
    const signals = collectSignals(document, rule, location.href, { generic: generic?.readSignals, structured: injectedStructuredReader() });
    // Most pages never name Kaspersky: with nothing of ours on show or reported, they are left alone here, unasked.
    if (signals.relevant === false && !listing && !slot.element && !lastReportKey) {
      report = noneReport(rule, signals.url, checksForUrl, 'no-kaspersky-mention');
      return;
    }
    const has = { notice: !!injectedNoticeUi('warn'), blockScreen: !!injectedNoticeUi('block'), listing: !!injectedListing() };
    const plan = (await send({ type: 'kban:check', ruleId: rule.id, signals, checks: checksForUrl, kasperskySeen, previous: lastReportKey, has })) as PagePlan | undefined;
    if (!plan?.report || !life.isValid()) {
      lastFingerprint = ''; // no answer (the background was restarting): try again at the next check
      return;
    }
    await drawer.draw(plan);
  };

  const schedule = (delay = CHECK_DELAY_MS) => {
    if (timer !== undefined || !started || !life.isValid()) return;
    if (location.href === currentUrl && checksForUrl >= MAX_CHECKS_PER_URL && slot.element?.isConnected !== false) return;
    timer = setTimeout(() => void check(), delay);
  };
  /** Reads the page again now, even if its fingerprint did not change. */
  const checkNow = () => {
    lastFingerprint = '';
    schedule(0);
  };

  /** Only our own notice or tile badges went in: nothing the page did, so nothing to check again. */
  const onlyOurs = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.removedNodes.length) return false;
      for (const node of record.addedNodes) if (node !== slot.element && !drawer.isBadge(node)) return false;
    }
    return true;
  };
  const observer = new MutationObserver((records) => {
    // A check already waiting covers this batch too (schedule would drop it): skip the walk.
    if (timer !== undefined || onlyOurs(records)) return;
    const blockGone = slot.element?.getAttribute('data-kban-mode') === 'block' && !slot.element.isConnected;
    schedule(blockGone ? BLOCK_GUARD_DELAY_MS : CHECK_DELAY_MS);
  });
  /** The first check while the page still loads, once its subject has parsed (subject-parsed.ts). */
  const checkEarly = () => {
    if (started || !life.isValid()) return;
    onReady?.();
    void check();
  };
  /**
   * The page has parsed: check (after an early check, only if what names the subject changed since), then follow
   * the page as it changes. Not observed before: while the parser adds the page, every node would be a record.
   */
  const begin = () => {
    if (!life.isValid()) return;
    started = true;
    onReady?.();
    observer.observe(document.documentElement, { childList: true, subtree: true });
    void check();
  };

  // For the popup and the background, which read it by running a function in this world (page-check-loader.ts).
  const api: PageCheckApi = {
    report: () => report,
    recheck: () => {
      slot.invalidate();
      checkNow();
    },
  };
  // Set, not handed over: a page check of a newer kban replaces one its predecessor left.
  const scope = globalThis as unknown as Record<symbol, unknown>;
  scope[Symbol.for(PAGE_CHECK_API_KEY)] = api;

  life.onInvalidated(() => {
    delete scope[Symbol.for(PAGE_CHECK_API_KEY)];
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    slot.clear();
    injectedListing()?.unmarkTiles(document);
  });

  // Injected at document_start (the address names Kaspersky): check once the subject has parsed, and at DOMContentLoaded.
  if (document.readyState === 'loading') {
    whenSubjectParsed(document, rule, checkEarly);
    document.addEventListener('DOMContentLoaded', begin, { once: true });
  } else begin();
}

/** The report of a page the page check leaves alone without asking the background. */
function noneReport(rule: PageRule, url: string, checks: number, reason: string): PageReport {
  return { url, classification: { verdict: 'none', ruleId: rule.id, reasons: [`site:${rule.id}`, reason] }, action: 'none', items: 0, checks };
}
