import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SETTINGS_DEFAULTS, type UserSettings } from '@/components/core/policy/settings';
import { zoneRegion, type UserRegion } from '@/components/core/region/detect-region';
import { formatLocale, t } from '@/components/platform/i18n';
import { readEffectiveSettings, readUserSettings, updateUserSettings, watchSettings } from '@/components/platform/settings-store';
import { I18nProvider } from '@/components/ui/I18n';
import { WelcomeApp } from '@/components/ui/WelcomeApp';
import '@/components/ui/theme.css';
import '@/components/ui/options.css';

/**
 * Renders the first-run page into `root`: drawn at once from the user's settings, then locked if the
 * organization's policy sets the region (managed storage can take seconds). Returns a cleanup.
 */
export async function mountWelcome(root: HTMLElement, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): Promise<() => void> {
  const locale = formatLocale();
  document.documentElement.lang = locale;
  document.title = t('welcome_title');
  let user: UserSettings = { ...SETTINGS_DEFAULTS, dismissedSites: [] };
  let locked = false;
  let saved = false;
  let reads = 0;
  const onAnswer = (region: UserRegion) => {
    // Show the answer at once, and make sure a read still in flight (managed storage can take seconds right
    // after install) cannot draw the old region over it: on a busy machine that unchecked the user's choice.
    reads++;
    user = { ...user, region };
    draw();
    void updateUserSettings(settings => ({ ...settings, region })).then(() => {
      saved = true;
      draw();
    });
  };
  const onOpenOptions = () => void browser.runtime.openOptionsPage().catch(() => {});
  const draw = () =>
    render(
      <I18nProvider value={{ t, locale }}>
        <WelcomeApp
          zone={{ basis: zoneRegion(timeZone) }}
          timeZone={timeZone}
          userRegion={user.region}
          locked={locked}
          saved={saved}
          onAnswer={onAnswer}
          onOpenOptions={onOpenOptions}
        />
      </I18nProvider>,
      root,
    );
  const refresh = () => {
    const call = ++reads;
    void readEffectiveSettings().then(settings => {
      if (call !== reads) return;
      user = settings.user;
      locked = settings.locked.includes('region');
      draw();
    });
  };
  user = await readUserSettings();
  draw();
  const unwatch = watchSettings(refresh);
  refresh();
  return () => {
    unwatch();
    render(null, root);
  };
}

const root = document.getElementById('app');
if (root) void mountWelcome(root);
