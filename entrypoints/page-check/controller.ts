/**
 * The page check's loop: signals → verdict → notice or tile badges, kept in step with pages that
 * change without reloading. The work per page is bounded: mutations only schedule a check, checks
 * run at most every CHECK_DELAY_MS and at most MAX_CHECKS_PER_URL times per address.
 * @module
 */
import { browser } from 'wxt/browser';
import { classify, classifyTiles } from '@/components/core/classifier/classify';
import type { Classification, PageRule } from '@/components/core/classifier/types';
import type { ExtensionMessage, PageReport } from '@/components/core/messages';
import { decideAction } from '@/components/core/page-action';
import { decideRegion } from '@/components/core/region/detect-region';
import { SETTINGS_KEY, updateUserSettings } from '@/components/platform/settings-store';
import { watchLocal } from '@/components/platform/page-context';
import { grantProceed } from '@/components/platform/proceed-store';
import { markKasperskyNoticeShown } from '@/components/platform/kaspersky-active';
import { markTile, unmarkTiles } from '@/components/ui/tile-badge';
import { collectSignals, collectTiles, hasKasperskyTrace } from './collect-signals';
import { loadNoticeUi } from './notice-loader';
import { createNoticeSlot } from './notice-slot';
import { injectedGenericCheck } from './generic-check-slot';
import { readPageState, type PageState } from './page-state';
import type { Lifecycle } from './lifecycle';

const CHECK_DELAY_MS = 400;
const BLOCK_GUARD_DELAY_MS = 50;
const MAX_CHECKS_PER_URL = 60;

/** Starts checking the page for `rule`'s site; `onStateRead` runs once its first settings read has answered. */
export function startPageCheck(life: Lifecycle, rule: PageRule, onStateRead?: () => void): void {
  let state: PageState | undefined;
  let stateLoading: Promise<PageState> | undefined;
  let lastReportKey = '';
  let report: PageReport | undefined;
  let checksForUrl = 0;
  let currentUrl = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let kasperskySeen = false;
  let traceChecked = false;
  /** This page showed the one-time Kaspersky-active note. */
  let kasperskyNoteHere = false;
  let lastFingerprint = '';
  let lastClassification: Classification | undefined;
  const slot = createNoticeSlot(rule);
  /** The badges this script inserted (the page may use the same tag name). */
  const badges = new WeakSet<Node>();

  const loadState = () =>
    (stateLoading ??= readPageState(location.hostname).then((read) => {
      if (!state) onStateRead?.();
      return (state = read);
    }));
  const send = (message: ExtensionMessage) => browser.runtime.sendMessage(message).catch(() => {});

  /** Shows what the verdict and settings call for; returns the report. */
  const apply = async (classification: Classification, active: PageState): Promise<PageReport> => {
    const host = location.hostname;
    const region = decideRegion({ policy: active.policy.region, user: active.user.region, zone: active.zone });
    const { action: decided, mode, markTiles } = decideAction({ classification, settings: active, covered: region.covered, proceed: active.proceed, host });
    let action = decided;

    // The notice's code comes into the page only now that there is something to show.
    const ui = mode ? await loadNoticeUi() : undefined;
    if (mode && !ui) lastFingerprint = ''; // the notice could not be loaded: try again at the next check
    if (!mode || !ui || !life.isValid()) slot.clear();
    else {
      const key = `${classification.verdict}|${mode}|${classification.product}|${JSON.stringify(active.policy)}`;
      slot.show(key, () => {
        // The note that Kaspersky runs on this computer shows once, inside a notice we show anyway. Once this page
        // showed it, a redraw keeps it: a settings or page-context change re-reads the "shown" mark set just now.
        const kasperskyNote = kasperskyNoteHere || ((kasperskySeen || !!active.kasperskyActive) && !active.kasperskyActive?.noticeShown);
        if (kasperskyNote && !kasperskyNoteHere) {
          kasperskyNoteHere = true;
          void markKasperskyNoticeShown();
        }
        return ui.createNotice({
          classification,
          mode,
          policy: active.policy,
          canDismiss: mode === 'warn' && active.policy.allowDismiss && classification.verdict !== 'exempt',
          kasperskyNote,
          t: active.t,
          dates: active.dates,
          region,
          proceedLabel: active.proceedLabel,
          onDetails: () => void send({ type: 'kban:open-details' }),
          onDismiss: () => {
            slot.clear();
            void updateUserSettings((user) => ({ ...user, dismissedSites: [...new Set([...user.dismissedSites, host])] }));
          },
          onProceed: () => {
            active.proceed = true;
            lastFingerprint = ''; // the next check draws the warning that replaces the block screen
            slot.clear();
            void grantProceed(host, active.policy.proceedMinutes);
          },
        });
      }, ui);
    }

    let items = 0;
    if (markTiles) {
      const { tiles, elements } = collectTiles(document, rule);
      for (const match of classifyTiles(tiles, rule)) {
        const kind = match.kind;
        const badge = markTile(elements[match.index]!, kind, active.t(kind === 'download' ? 'badge_download' : 'badge_purchase'), active.t('badge_explanation'));
        if (badge) badges.add(badge);
        items++;
      }
      if (items) action = 'listing';
    }
    return { url: location.href, classification, action, items, checks: checksForUrl };
  };

  const check = async () => {
    timer = undefined;
    if (!life.isValid()) return;
    if (location.href !== currentUrl) {
      currentUrl = location.href;
      checksForUrl = 0;
      slot.newAddress();
      unmarkTiles(document);
    }
    checksForUrl++;
    // Kaspersky's web protection puts its trace in the HTML as served: look once per page load.
    if (!traceChecked) {
      traceChecked = true;
      kasperskySeen = hasKasperskyTrace(document);
      if (kasperskySeen) void send({ type: 'kban:kaspersky-active', site: location.hostname });
    }
    // A page that keeps changing (carousels, live prices) is re-read only when what names its subject changed.
    const fingerprint = pageFingerprint(rule, lastClassification?.listing === true);
    if (fingerprint === lastFingerprint && lastClassification && slot.element?.isConnected !== false) {
      if (report) report = { ...report, checks: checksForUrl };
      return;
    }
    lastFingerprint = fingerprint;
    // On a site without a rule, the generic check the background injected first reads and decides.
    const generic = rule.role === 'generic' ? injectedGenericCheck() : undefined;
    const signals = collectSignals(document, rule, location.href, generic?.readSignals);
    const classification = generic ? generic.classify(signals, rule) : classify(signals, rule);
    lastClassification = classification;
    if (classification.verdict === 'none' && !classification.listing && !slot.element) {
      report = { url: location.href, classification, action: 'none', items: 0, checks: checksForUrl };
      return;
    }
    // A page with a verdict will most likely show a notice: fetch its code while the settings are read.
    if (classification.verdict !== 'none') void loadNoticeUi();
    const active = await loadState();
    if (!life.isValid()) return;
    report = await apply(classification, active);
    const reportKey = `${report.url}|${classification.verdict}|${report.action}|${report.items}`;
    if (reportKey !== lastReportKey) {
      lastReportKey = reportKey;
      void send({ type: 'kban:page', report });
    }
  };

  const schedule = (delay = CHECK_DELAY_MS) => {
    if (timer !== undefined || !life.isValid()) return;
    if (location.href === currentUrl && checksForUrl >= MAX_CHECKS_PER_URL && slot.element?.isConnected !== false) return;
    timer = setTimeout(() => void check(), delay);
  };

  /** Only our own notice or tile badges went in: nothing the page did, so nothing to check again. */
  const onlyOurs = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.removedNodes.length) return false;
      for (const node of record.addedNodes) if (node !== slot.element && !badges.has(node)) return false;
    }
    return true;
  };
  const observer = new MutationObserver((records) => {
    // A check already waiting covers this batch too (schedule would drop it): skip the walk.
    if (timer !== undefined || onlyOurs(records)) return;
    const blockGone = slot.element?.getAttribute('data-kban-mode') === 'block' && !slot.element.isConnected;
    schedule(blockGone ? BLOCK_GUARD_DELAY_MS : CHECK_DELAY_MS);
  });
  /** The first check, then following the page as it changes. */
  const begin = () => {
    if (!life.isValid()) return;
    observer.observe(document.documentElement, { childList: true, subtree: true });
    life.onLocationChange(() => schedule(0));
    void check();
  };

  const unwatch = watchLocal([SETTINGS_KEY], () => {
    stateLoading = undefined;
    lastFingerprint = '';
    slot.invalidate();
    if (state) void loadState().then(() => schedule(0));
  });
  // Answered with sendResponse, which Chromium and Firefox both honour without the polyfill.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    if ((message as ExtensionMessage | null)?.type === 'kban:get-page') sendResponse(report);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  life.onInvalidated(() => {
    observer.disconnect();
    unwatch();
    if (timer !== undefined) clearTimeout(timer);
    slot.clear();
    unmarkTiles(document);
  });

  if (document.readyState === 'loading') {
    // Injected at document_start (the address names Kaspersky): read the settings while the page
    // parses and check during DOMContentLoaded, so a notice is in place before the first full layout.
    void loadState();
    document.addEventListener('DOMContentLoaded', begin, { once: true });
  } else begin();
}

/**
 * What names a page's subject, read cheaply: its address, title, first heading, the site's product title, how
 * many scripts it has (JSON-LD included; where the rule reads structured data) and, on listings, how many tiles. Equal fingerprints mean a re-check would
 * read the same signals.
 */
function pageFingerprint(rule: PageRule, listing: boolean): string {
  const text = (selector: string | undefined) => {
    try {
      return selector ? (document.querySelector(selector)?.textContent ?? '').slice(0, 300) : '';
    } catch {
      return '';
    }
  };
  const count = (selector: string | undefined) => {
    try {
      return selector ? document.querySelectorAll(selector).length : 0;
    } catch {
      return 0;
    }
  };
  // document.scripts: a new JSON-LD block is a new script, and the browser keeps that list without matching a selector over the page.
  // Counting them walks the whole page once: not on sites whose pages carry no structured data.
  const scripts = rule.structuredData === false ? 0 : document.scripts.length;
  return [location.href, document.title, text('h1'), text(rule.selectors?.productTitle), scripts, listing ? count(rule.selectors?.tile) : 0].join('\n');
}
