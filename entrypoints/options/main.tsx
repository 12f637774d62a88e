import { render } from 'preact';
import type { UserSettings } from '@/components/core/policy/settings';
import { detectRegion } from '@/components/core/region/detect-region';
import { t } from '@/components/platform/i18n';
import { grantedSearchMatches, removeSearchPermission, requestSearchPermission, watchSearchPermission } from '@/components/platform/search-registration';
import { hasEverySiteAccess, removeEverySiteAccess, requestEverySiteAccess } from '@/components/platform/every-site-access';
import { readEffectiveSettings, updateUserSettings, watchSettings } from '@/components/platform/settings-store';
import { SEARCH_MATCHES } from '@/components/core/search/search-engines';
import { I18nProvider } from '@/components/ui/I18n';
import { OptionsApp } from '@/components/ui/OptionsApp';
import '@/components/ui/theme.css';
import '@/components/ui/options.css';
import { formatLocale } from '@/components/platform/i18n';
import { extensionVersion } from '../popup/state';

/** Renders the options page into `root`; every change is saved at once and applies live. Returns a cleanup. */
export async function mountOptions(root: HTMLElement, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): Promise<() => void> {
  const locale = formatLocale();
  document.documentElement.lang = locale;
  document.title = t('options_title');
  const version = extensionVersion();

  const change = (edit: (user: UserSettings) => UserSettings) => void updateUserSettings(edit);
  /**
   * A switch that needs optional site access (search marking, every site): turning it on asks for the access
   * in the click itself (a user gesture, so before any await) and saves only when granted; off gives it back.
   */
  const accessSwitch = (setting: 'searchResults' | 'allSites', request: () => Promise<boolean>, remove: () => Promise<boolean>) => ({
    change: (on: boolean) => {
      if (!on) {
        change(user => ({ ...user, [setting]: false }));
        void remove().then(() => draw());
        return;
      }
      void request()
        .then(granted => (granted ? change(user => ({ ...user, [setting]: true })) : draw()))
        .catch(() => draw());
    },
    // Policy turned it on but the access is missing.
    allow: () => void request().catch(() => false).then(() => draw()),
  });
  const search = accessSwitch('searchResults', requestSearchPermission, removeSearchPermission);
  const everySite = accessSwitch('allSites', requestEverySiteAccess, removeEverySiteAccess);

  let drawn = 0;
  const draw = async () => {
    const call = ++drawn;
    const [settings, granted, everySiteGranted] = await Promise.all([readEffectiveSettings(), grantedSearchMatches(), hasEverySiteAccess()]);
    if (call !== drawn) return; // a later draw started meanwhile, with newer settings
    const region = detectRegion({ policy: settings.managed.policy.region, user: settings.user.region, timeZone });
    render(
      <I18nProvider value={{ t, locale }}>
        <OptionsApp
          settings={settings}
          managed={settings.managed}
          region={region}
          version={version}
          onRegionChange={value => change(user => ({ ...user, region: value }))}
          onNoticesChange={on => change(user => ({ ...user, notices: on }))}
          onRemoveDismissed={host => change(user => ({ ...user, dismissedSites: user.dismissedSites.filter(site => site !== host) }))}
          searchGranted={granted.length === SEARCH_MATCHES.length}
          onSearchChange={search.change}
          onSearchAllow={search.allow}
          everySiteGranted={everySiteGranted}
          onEverySiteChange={everySite.change}
          onEverySiteAllow={everySite.allow}
        />
      </I18nProvider>,
      root,
    );
  };

  // Watch before the first draw: it can wait seconds for managed storage, and a change made meanwhile must not be missed.
  const unwatch = watchSettings(() => void draw());
  const unwatchPermissions = watchSearchPermission(() => void draw());
  await draw();
  return () => {
    unwatch();
    unwatchPermissions();
    render(null, root);
  };
}

const root = document.getElementById('app');
if (root) void mountOptions(root);
