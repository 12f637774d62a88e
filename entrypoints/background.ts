import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { reportKey, type CheckRequest, type ExtensionMessage, type PageReport } from '@/components/core/messages';
import { hostOf } from '@/components/core/classifier/classify';
import { badgeFor } from '@/components/core/toolbar-badge';
import { createDetailsOpener } from '@/components/platform/details-page';
import { t } from '@/components/platform/i18n';
import { startEnterprise } from '@/components/platform/enterprise-agent';
import { recordKasperskyActive } from '@/components/platform/kaspersky-active';
import { watchManagedPolicy } from '@/components/platform/managed-policy';
import { currentPageContext, watchPageInputs, writePageContext } from '@/components/platform/page-context';
import { decidePage, decideTiles } from '@/components/platform/page-decision';
import { readPageState } from '@/components/platform/page-state';
import { grantProceed } from '@/components/platform/proceed-store';
import { startEverySite } from '@/components/platform/every-site';
import { scriptsForPlan } from '@/components/core/site-rules/find-rule';
import { injectPageCheck, injectScripts, recheckPages, type FrameTarget } from '@/components/platform/page-check-loader';
import { forgetTab, rememberPageCheck } from '@/components/platform/page-check-frames';
import { findRule } from '@/components/core/site-rules';
import { syncSearchScript } from '@/components/platform/search-registration';
import { updateUserSettings, watchSettings } from '@/components/platform/settings-store';

/** Keeps the toolbar badge in step with what the content script found, and opens the details page. */
export default defineBackground(() => {
  const openDetails = createDetailsOpener();
  // Enterprise: policy → download block, visit reports, first-run page (see docs/enterprise.md).
  const enterprise = startEnterprise();
  /** Tells the badge and the admin's report queue about a page's report, unless it is the one it made last. */
  const report = (pageReport: PageReport, previous: string, tabId: number | undefined) => {
    if (reportKey(pageReport) === previous) return;
    void enterprise.onPageReport(pageReport, tabId);
    if (tabId !== undefined) void showReport(tabId, pageReport);
  };
  const checkPage = async (request: CheckRequest, host: string, frame: FrameTarget | undefined) => {
    const plan = await decidePage(request, host);
    // A listing reports once its tiles are told apart (kban:tiles).
    if (!plan.markTiles) report(plan.report, request.previous, frame?.tabId);
    // The code the plan needs goes in before the answer.
    const needs = scriptsForPlan(plan, request.has);
    if (needs.length && frame) await injectScripts(frame, needs);
    // A settings change has this frame check again (recheckPages); frames that never asked are left alone.
    if (frame) void rememberPageCheck(frame);
    return plan;
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number }; frameId?: number; documentId?: string; url?: string }) => {
    const msg = message as ExtensionMessage | null;
    const tabId = sender.tab?.id;
    // The site a page check runs on, as the browser names the sending frame (not as the message says).
    const host = hostOf(sender.url ?? '');
    // A page check read its page: the verdict and what to show.
    const frame: FrameTarget | undefined = tabId === undefined ? undefined : { tabId, frameId: sender.frameId ?? 0, documentId: sender.documentId };
    if (msg?.type === 'kban:check' && typeof msg.ruleId === 'string' && typeof msg.signals?.url === 'string') return checkPage(msg, host, frame);
    if (msg?.type === 'kban:tiles' && typeof msg.ruleId === 'string' && Array.isArray(msg.tiles) && msg.report) {
      const plan = decideTiles(msg);
      report(plan.report, msg.previous, tabId);
      return Promise.resolve(plan);
    }
    // A person's click in a notice (the notice acts on trusted clicks only).
    if (msg?.type === 'kban:dismiss' && host) {
      return updateUserSettings((user) => ({ ...user, dismissedSites: [...new Set([...user.dismissedSites, host])] })).then(() => undefined);
    }
    if (msg?.type === 'kban:proceed' && host) return readPageState(host).then((state) => grantProceed(host, state.policy.proceedMinutes)).then(() => undefined);
    // A first stage found that its page could be Kaspersky's: the page check goes into that frame.
    if (msg?.type === 'kban:load-check' && frame) {
      // With the notice's code: a second round trip for it lands behind the large page's first layout (the
      // notice came 237 ms after DOMContentLoaded instead of 93 ms on the 1.5 MB benchmark page).
      return injectPageCheck(frame, findRule(host) ?? {}).then(() => undefined);
    }
    if (msg?.type === 'kban:kaspersky-active' && typeof msg.site === 'string') {
      // Recorded for the popup and the one-time note; reported to the admin when policy asks (reportKasperskyActive).
      const site = msg.site;
      return recordKasperskyActive(site).then(() => enterprise.onKasperskyActive(site)).then(() => undefined);
    }
    if (msg?.type === 'kban:page-context') return currentPageContext();
    if (msg?.type === 'kban:open-details') return openDetails(tabId).then(() => undefined);
    return undefined;
  });

  // What web pages need prepared (validated policy, time zone, formatted dates): now and on every policy change.
  const prepare = () => void writePageContext().catch((error) => console.warn('kban: page context', error));
  prepare();
  watchManagedPolicy(prepare);
  // Pages on show follow a change of settings or of the prepared context: their page checks check again.
  watchPageInputs(() => void recheckPages());

  // Search-result marking: registered only while it is on and the user granted the search sites.
  // "Every site" mode: tabs on sites without a rule that name Kaspersky get the generic check.
  const syncSearch = () => void syncSearchScript().catch((error) => console.warn('kban: search script', error));
  const everySiteChanged = startEverySite();
  const sync = () => {
    syncSearch();
    everySiteChanged();
  };
  syncSearch();
  watchSettings(sync);
  browser.permissions.onAdded?.addListener(sync);
  browser.permissions.onRemoved?.addListener(sync);

  // A new page in the tab: clear the badge until its content script reports.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void setBadge(tabId, undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});

async function showReport(tabId: number, report: PageReport): Promise<void> {
  await setBadge(tabId, report);
}

async function setBadge(tabId: number, report: PageReport | undefined): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const badge = badgeFor(report);
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.color) await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setTitle({ tabId, title: t(badge.titleKey) });
  } catch {
    // The tab may be gone already.
  }
}
