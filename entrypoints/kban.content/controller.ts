/**
 * Runs the page check: signals → verdict → notice or tile badges, and keeps it in step with
 * pages that change without reloading. The work per page is bounded: mutations only schedule
 * a check, checks run at most every CHECK_DELAY_MS, and at most MAX_CHECKS_PER_URL per address.
 * @module
 */
import { browser } from 'wxt/browser';
import { classify, classifyTiles } from '@/components/core/classifier/classify';
import type { Classification, PageRule } from '@/components/core/classifier/types';
import type { ExtensionMessage, PageAction, PageReport } from '@/components/core/messages';
import { decideRegion, type ZoneRegion } from '@/components/core/region/detect-region';
import { isDismissed, resolveSettings, type EffectiveSettings } from '@/components/core/policy/settings';
import { SETTINGS_KEY, readUserSettings, updateUserSettings } from '@/components/platform/settings-store';
import { PAGE_CONTEXT_KEY, formatBanDates, readPageContext, watchLocal, type PageContext } from '@/components/platform/page-context';
import { PROCEED_KEYS, grantProceed, isProceedGranted } from '@/components/platform/proceed-store';
import { formatLocale, t } from '@/components/platform/i18n';
import { KASPERSKY_ACTIVE_KEYS, markKasperskyNoticeShown, readKasperskyActive, type KasperskyActive } from '@/components/platform/kaspersky-active';
import { collectSignals, collectTiles, hasKasperskyTrace } from './collect-signals';
import { createNotice, noticeRoot, placeNotice } from './notice';
import { markTile, unmarkTiles } from '@/components/ui/tile-badge';
import { guardBlockScreen } from './block-guard';

const CHECK_DELAY_MS = 400;
const BLOCK_GUARD_DELAY_MS = 50;
const MAX_CHECKS_PER_URL = 60;
const MAX_REINSERTS_PER_URL = 10;
/** Everything a page check reads from storage.local, fetched in one call. */
const PAGE_STATE_KEYS = [SETTINGS_KEY, PAGE_CONTEXT_KEY, ...PROCEED_KEYS, ...KASPERSKY_ACTIVE_KEYS];

interface Context {
  isValid: boolean;
  onInvalidated(callback: () => void): void;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

/** Starts checking the page for `rule`'s site. */
export function startPageCheck(ctx: Context, rule: PageRule): void {
  type PageSettings = EffectiveSettings & { proceed: boolean; kasperskyActive?: KasperskyActive; zone: ZoneRegion; dates: PageContext['dates'] };
  let settings: PageSettings | undefined;
  let settingsLoading: Promise<void> | undefined;
  let notice: HTMLElement | undefined;
  let noticeKey = '';
  let lastReportKey = '';
  let report: PageReport | undefined;
  let checksForUrl = 0;
  let reinserts = 0;
  let currentUrl = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let kasperskySeen = false;
  let traceChecked = false;
  /** The badges this script inserted (the page may use the same tag name). */
  const badges = new WeakSet<Node>();

  const loadSettings = () =>
    (settingsLoading ??= (async () => {
      // One storage read for all of it; should it fail, each reader reads (and falls back) on its own.
      const stored = await browser.storage.local.get(PAGE_STATE_KEYS).catch(() => undefined);
      const [user, context, proceed, active] = await Promise.all([readUserSettings(stored), readPageContext(stored), isProceedGranted(location.hostname, stored), readKasperskyActive(stored)]);
      settings = {
        // The policy as the background last validated it: managed storage itself can take seconds to answer.
        ...resolveSettings(context?.policy ?? {}, user),
        proceed,
        kasperskyActive: active,
        // Prepared by the background. Until it has written them (the first moments after install) the
        // zone is unknown, which errs toward notices; the dates are then formatted here, at a cost.
        zone: context?.zone ?? 'unknown',
        dates: context?.dates ?? formatBanDates(formatLocale()),
      };
    })());

  let stopGuard: (() => void) | undefined;
  const removeNotice = () => {
    stopGuard?.();
    stopGuard = undefined;
    if (notice?.getAttribute('data-kban-mode') === 'block' && document.body) document.body.inert = false;
    notice?.remove();
    notice = undefined;
    noticeKey = '';
  };

  const send = (message: ExtensionMessage) => browser.runtime.sendMessage(message).catch(() => {});

  /** Shows what the verdict and settings call for; returns what was done. */
  const apply = (classification: Classification, active: PageSettings): { action: PageAction; items: number } => {
    const region = decideRegion({ policy: active.policy.region, user: active.user.region, zone: active.zone });
    const host = location.hostname;
    let action: PageAction = 'none';
    let mode: 'warn' | 'block' | undefined;
    if (active.enforcement === 'off') action = 'off';
    else if (!region.covered) action = 'not-covered';
    else if (classification.verdict === 'exempt') ((action = 'exempt-note'), (mode = 'warn'));
    else if (classification.verdict !== 'none') {
      if (active.enforcement === 'block' && !active.proceed) ((action = 'blocked'), (mode = 'block'));
      else if (isDismissed(active, host)) action = 'dismissed';
      else ((action = 'warned'), (mode = 'warn'));
    }

    // Page notice. The note that Kaspersky runs on this computer shows once, inside a notice we show anyway.
    const kasperskyNote = (kasperskySeen || !!active.kasperskyActive) && !active.kasperskyActive?.noticeShown;
    const key = mode ? `${classification.verdict}|${mode}|${classification.product}|${JSON.stringify(active.policy)}` : '';
    if (key !== noticeKey) {
      removeNotice();
      if (mode) {
        notice = createNotice({
          classification,
          mode,
          policy: active.policy,
          canDismiss: mode === 'warn' && active.policy.allowDismiss && classification.verdict !== 'exempt',
          kasperskyNote,
          t,
          dates: active.dates,
          onDetails: () => void send({ type: 'kban:open-details' }),
          onDismiss: () => {
            removeNotice();
            void updateUserSettings((user) => ({ ...user, dismissedSites: [...new Set([...user.dismissedSites, host])] }));
          },
          onProceed: () => {
            active.proceed = true;
            removeNotice();
            void grantProceed(host, active.policy.proceedMinutes);
          },
        });
        noticeKey = key;
        placeNotice(notice, anchorFor(rule));
        if (kasperskyNote) void markKasperskyNoticeShown();
        if (mode === 'block') lockPage();
      }
    } else if (notice && !notice.isConnected) {
      // The page removed or re-rendered over the notice: put it back, a bounded number of times (always for a block).
      if (mode === 'block' || reinserts++ < MAX_REINSERTS_PER_URL) {
        placeNotice(notice, anchorFor(rule));
        if (mode === 'block') lockPage();
      }
    }

    // Listing tiles.
    let items = 0;
    if (classification.listing && region.covered && active.enforcement !== 'off' && !isDismissed(active, host)) {
      const { tiles, elements } = collectTiles(document, rule);
      for (const match of classifyTiles(tiles, rule)) {
        const kind = match.kind;
        const badge = markTile(elements[match.index]!, kind, t(kind === 'download' ? 'badge_download' : 'badge_purchase'), t('badge_explanation'));
        if (badge) badges.add(badge);
        items++;
      }
      if (items) action = 'listing';
    }
    return { action, items };
  };

  const lockPage = () => {
    if (document.body) document.body.inert = true;
    stopGuard?.();
    if (notice) stopGuard = guardBlockScreen(notice);
    if (notice) noticeRoot(notice)?.querySelector<HTMLElement>('button, a')?.focus();
  };

  const check = async () => {
    timer = undefined;
    if (!ctx.isValid) return;
    if (location.href !== currentUrl) {
      currentUrl = location.href;
      checksForUrl = 0;
      reinserts = 0;
      unmarkTiles(document);
    }
    checksForUrl++;
    // Kaspersky's web protection puts its trace in the HTML as served: look once per page load.
    if (!traceChecked) {
      traceChecked = true;
      kasperskySeen = hasKasperskyTrace(document);
      if (kasperskySeen) void send({ type: 'kban:kaspersky-active', site: location.hostname });
    }
    const classification = classify(collectSignals(document, rule, location.href), rule);
    if (classification.verdict === 'none' && !classification.listing && !notice) {
      report = { url: location.href, classification, action: 'none', items: 0, checks: checksForUrl };
      return;
    }
    await loadSettings();
    if (!settings || !ctx.isValid) return;
    const { action, items } = apply(classification, settings);
    report = { url: location.href, classification, action, items, checks: checksForUrl };
    const reportKey = `${location.href}|${classification.verdict}|${action}|${items}`;
    if (reportKey !== lastReportKey) {
      lastReportKey = reportKey;
      void send({ type: 'kban:page', report });
    }
  };

  const schedule = (delay = CHECK_DELAY_MS) => {
    if (timer !== undefined || !ctx.isValid) return;
    if (location.href === currentUrl && checksForUrl >= MAX_CHECKS_PER_URL && notice?.isConnected !== false) return;
    timer = setTimeout(() => void check(), delay);
  };

  /** Only our own notice or tile badges went in: nothing the page did, so nothing to check again. */
  const onlyOurs = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.removedNodes.length) return false;
      for (const node of record.addedNodes) if (node !== notice && !badges.has(node)) return false;
    }
    return true;
  };
  const observer = new MutationObserver((records) => {
    // A check already waiting covers this batch too (schedule would drop it): skip the walk.
    if (timer !== undefined || onlyOurs(records)) return;
    const blockGone = notice?.getAttribute('data-kban-mode') === 'block' && !notice.isConnected;
    schedule(blockGone ? BLOCK_GUARD_DELAY_MS : CHECK_DELAY_MS);
  });
  /** The first check, then following the page as it changes. */
  const begin = () => {
    if (!ctx.isValid) return;
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => schedule(0));
    void check();
  };

  const unwatch = watchLocal([SETTINGS_KEY], () => {
    settingsLoading = undefined;
    noticeKey = noticeKey && 'stale';
    if (settings) void loadSettings().then(() => schedule(0));
  });
  const onMessage = (message: unknown) => {
    if ((message as ExtensionMessage | null)?.type === 'kban:get-page') return Promise.resolve(report);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    observer.disconnect();
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    if (timer !== undefined) clearTimeout(timer);
    removeNotice();
    unmarkTiles(document);
  });

  if (document.readyState === 'loading') {
    // Injected at document_start (the address names Kaspersky): read the settings while the page
    // parses and check during DOMContentLoaded, so a notice is in place before the first full layout.
    void loadSettings();
    document.addEventListener('DOMContentLoaded', begin, { once: true });
  } else begin();
}

/** Where a warning bar goes: before the site's product title, else the first h1. */
function anchorFor(rule: PageRule): Element | null {
  try {
    return (rule.selectors?.productTitle && document.querySelector(rule.selectors.productTitle)) || document.querySelector('h1');
  } catch {
    return document.querySelector('h1');
  }
}
