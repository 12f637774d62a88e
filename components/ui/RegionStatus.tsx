import type { RegionDecision } from '@/components/core/region/detect-region';
import { useI18n } from './I18n';

export interface RegionStatusProps {
  region: RegionDecision;
  onOpenOptions: () => void;
}

const BASIS_KEYS: Record<string, string> = {
  us: 'popup_region_basis_us',
  'us-person-abroad': 'popup_region_basis_abroad',
  'non-us': 'popup_region_basis_non_us',
  unknown: 'popup_region_basis_unknown',
};

const SOURCE_KEYS: Record<RegionDecision['source'], string> = {
  user: 'popup_region_source_user',
  policy: 'popup_region_source_policy',
  'time-zone': 'popup_region_source_time_zone',
};

/** Whether the ban covers the user, why the extension thinks so, and a way to change it. */
export function RegionStatus({ region, onOpenOptions }: RegionStatusProps) {
  const { t } = useI18n();
  const basisKey = region.source === 'time-zone' && region.basis === 'non-us' ? 'popup_region_basis_outside' : BASIS_KEYS[region.basis]!;
  return (
    <section aria-labelledby="region-heading" class="region" data-testid="region-status" data-region-source={region.source}>
      <h2 id="region-heading">{t('popup_region_heading')}</h2>
      <p>
        <strong>{region.covered ? t('popup_region_covered') : t('popup_region_not_covered')}</strong>{' '}
        {t('popup_region_basis', [t(basisKey), t(SOURCE_KEYS[region.source])])}
      </p>
      {region.source === 'time-zone' && !region.covered && <p class="small muted">{t('popup_region_abroad_hint')}</p>}
      <p>
        {region.source === 'policy' ? (
          <span class="locked">{t('options_locked')}</span>
        ) : (
          <button type="button" class="link-button" onClick={onOpenOptions}>
            {t('popup_region_change')}
          </button>
        )}
      </p>
    </section>
  );
}
