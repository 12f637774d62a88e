import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/components/platform/i18n';
import { readKasperskyActive } from '@/components/platform/kaspersky-active';
import { watchSettings } from '@/components/platform/settings-store';
import { I18nProvider } from '@/components/ui/I18n';
import type { PageState } from '@/components/ui/PageSection';
import { PopupApp } from '@/components/ui/PopupApp';
import '@/components/ui/theme.css';
import '@/components/ui/popup.css';
import { formatLocale } from '@/components/platform/i18n';
import { extensionVersion, loadSettingsState, queryPage, targetTabId } from './state';

export interface MountOptions {
  /** `location.search` of the popup (`?tab=<id>` when opened from a notice). */
  search?: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** IANA time zone for the automatic region; default the system's. */
  timeZone?: string;
}

/** Renders the popup into `root`, loads its state, and keeps it in step with settings. Returns a cleanup. */
export async function mountPopup(root: HTMLElement, options: MountOptions = {}): Promise<() => void> {
  const search = options.search ?? location.search;
  const now = options.now ?? (() => new Date());
  const locale = formatLocale();
  const standalone = new URLSearchParams(search).has('tab');
  document.documentElement.lang = locale;
  document.title = t('popup_title');

  let page: PageState = { status: 'loading' };
  let state = await loadSettingsState(options.timeZone);
  const active = await readKasperskyActive();
  const version = extensionVersion();
  const openOptions = () => {
    try {
      void browser.runtime.openOptionsPage().catch(() => {});
    } catch {
      // No options page API (should not happen in supported browsers).
    }
  };

  const draw = () =>
    render(
      <I18nProvider value={{ t, locale }}>
        <PopupApp
          page={page}
          policy={state.settings.policy}
          region={state.region}
          now={now()}
          version={version}
          standalone={standalone}
          onOpenOptions={openOptions}
          kasperskyActive={active && { site: active.site, lastSeen: active.lastSeen }}
        />
      </I18nProvider>,
      root,
    );

  draw();
  const unwatch = watchSettings(() => {
    void loadSettingsState(options.timeZone).then(next => {
      state = next;
      draw();
    });
  });
  page = await queryPage(await targetTabId(search));
  draw();
  return () => {
    unwatch();
    render(null, root);
  };
}

const root = document.getElementById('app');
if (root) void mountPopup(root);
