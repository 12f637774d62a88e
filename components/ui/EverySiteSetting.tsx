import type { EffectiveSettings } from '@/components/core/policy/settings';
import { useI18n } from './I18n';

export interface EverySiteSettingProps {
  settings: EffectiveSettings;
  /** Whether the extension has access to all sites (granted by the user, or at install in the organisation package). */
  granted: boolean;
  /** The switch changed; turning it on must ask for access in this same click. */
  onChange: (on: boolean) => void;
  /** Policy turned the mode on but access is missing: ask for it (in the click). */
  onAllow: () => void;
}

/** "Check every site": off by default; on asks for access to all sites, off gives it back. */
export function EverySiteSetting({ settings, granted, onChange, onAllow }: EverySiteSettingProps) {
  const { t } = useI18n();
  const locked = settings.locked.includes('allSites');
  return (
    <section aria-labelledby="every-site-heading" class="setting" data-testid="every-site-setting">
      <h2 id="every-site-heading">{t('options_every_site_heading')}</h2>
      {locked && <p class="muted small">{t('options_locked')}</p>}
      <label class="choice">
        <input
          type="checkbox"
          checked={locked ? settings.allSites : settings.allSites && granted}
          disabled={locked}
          aria-describedby="every-site-explain"
          onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('options_every_site_label')}</span>
      </label>
      <p class="muted small" id="every-site-explain">
        {t('options_every_site_explain')}
      </p>
      {settings.allSites && !granted && (locked || settings.user.allSites) && (
        <p data-testid="every-site-needs-access">
          {t('options_every_site_needs_access')}{' '}
          <button type="button" onClick={onAllow}>
            {t('options_every_site_allow')}
          </button>
        </p>
      )}
    </section>
  );
}
