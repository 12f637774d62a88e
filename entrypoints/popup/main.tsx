import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/components/platform/i18n';
import { hasEverySiteAccess, requestEverySiteAccess } from '@/components/platform/every-site-access';
import { readEffectiveSettings, updateUserSettings, watchSettings } from '@/components/platform/settings-store';
import { I18nProvider } from '@/components/ui/I18n';
import type { RegionDecision } from '@/components/core/region/detect-region';
import type { PageState } from '@/components/ui/PageSection';
import { PopupApp } from '@/components/ui/PopupApp';
import '@/components/ui/theme.css';
import '@/components/ui/popup.css';
import { formatLocale } from '@/components/platform/i18n';
import { extensionVersion, loadQuickState, loadSettingsState, pageWithoutReport, queryPage, targetTabId } from './state';

export interface MountOptions {
  /** `location.search` of the popup (`?tab=<id>` when opened from a notice). */
  search?: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** IANA time zone for the automatic region; default the system's. */
  timeZone?: string;
}

/**
 * Renders the popup into `root` at once, from what storage.local knows, then fills in the live
 * policy (managed storage can take seconds right after the browser starts) and the tab's report,
 * and keeps it in step with settings. Returns a cleanup.
 */
export async function mountPopup(root: HTMLElement, options: MountOptions = {}): Promise<() => void> {
  const search = options.search ?? location.search;
  const now = options.now ?? (() => new Date());
  const locale = formatLocale();
  const standalone = new URLSearchParams(search).has('tab');
  document.documentElement.lang = locale;
  document.title = t('popup_title');

  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let page: PageState = { status: 'loading' };
  const quick = await loadQuickState(timeZone);
  let state: { settings: { policy: Parameters<typeof PopupApp>[0]['policy'] }; region: RegionDecision } = quick;
  const active = quick.active;
  const version = extensionVersion();
  const openOptions = () => {
    try {
      void browser.runtime.openOptionsPage().catch(() => {});
    } catch {
      // No options page API (should not happen in supported browsers).
    }
  };

  // "Every site" offer: only while the mode is off (or lacks access) and policy leaves it to the user.
  let everySiteOffered = false;
  let everySiteOn = false;
  const enableEverySite = () => {
    // The request must run in the click itself (a user gesture), before any await.
    void requestEverySiteAccess()
      .then(granted => (granted ? updateUserSettings(user => ({ ...user, allSites: true })) : undefined))
      .catch(() => undefined);
  };
  const checkEverySite = async () => {
    const [settings, granted] = await Promise.all([readEffectiveSettings(), hasEverySiteAccess()]);
    everySiteOn = settings.allSites && granted;
    everySiteOffered = !settings.locked.includes('allSites') && !everySiteOn;
  };

  const draw = () =>
    render(
      <I18nProvider value={{ t, locale }}>
        <PopupApp
          page={page}
          policy={state.settings.policy}
          region={state.region}
          timeZone={timeZone}
          now={now()}
          version={version}
          standalone={standalone}
          onOpenOptions={openOptions}
          kasperskyActive={active && { site: active.site, lastSeen: active.lastSeen }}
          onEnableEverySite={everySiteOffered ? enableEverySite : undefined}
        />
      </I18nProvider>,
      root,
    );

  draw();
  // Then the live policy, and every later change; a slower earlier read never overwrites a newer one.
  let reads = 0;
  let closed = false;
  const refresh = () => {
    const call = ++reads;
    void loadSettingsState(timeZone).then(next => {
      if (call !== reads || closed) return;
      state = next;
      draw();
    });
  };
  const unwatch = watchSettings(refresh);
  refresh();
  const tabId = await targetTabId(search);
  const [queried] = await Promise.all([queryPage(tabId), checkEverySite().catch(() => undefined)]);
  page = queried.status === 'unavailable' ? await pageWithoutReport(tabId, everySiteOn) : queried;
  if (!closed) draw();
  return () => {
    closed = true;
    unwatch();
    render(null, root);
  };
}

const root = document.getElementById('app');
if (root) void mountPopup(root);
