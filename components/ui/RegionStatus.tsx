import type { RegionDecision } from '@/components/core/region/detect-region';
import { useI18n } from './I18n';

export interface RegionStatusProps {
  region: RegionDecision;
  /** The browser's IANA time zone, named when kban went by it. */
  timeZone?: string;
  onOpenOptions: () => void;
}

/**
 * The key saying what kban assumed about the reader and why. Never that the ban binds the reader,
 * and never where a policy-set reader is (`region: "us"` also serves staff abroad).
 */
export function regionKey(region: Pick<RegionDecision, 'source' | 'basis' | 'covered'>): string {
  if (region.source === 'policy') return region.covered ? 'popup_region_policy_covered' : 'popup_region_policy_not_covered';
  if (region.source === 'user') {
    return region.basis === 'us-person-abroad' ? 'popup_region_user_abroad' : region.basis === 'non-us' ? 'popup_region_user_non_us' : 'popup_region_user_us';
  }
  return region.basis === 'unknown' ? 'popup_region_zone_unknown' : region.basis === 'non-us' ? 'popup_region_zone_outside' : 'popup_region_zone_us';
}

/** What kban assumed about where the reader is or who they are, why, and a way to change it. */
export function RegionStatus({ region, timeZone, onOpenOptions }: RegionStatusProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="region-heading" class="region" data-testid="region-status" data-region-source={region.source}>
      <h2 id="region-heading">{t('popup_region_heading')}</h2>
      <p>{t(regionKey(region), [timeZone || 'UTC'])}</p>
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
