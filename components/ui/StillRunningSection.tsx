import { formatCalendarDay, formatEasternDate } from '@/components/core/ban/ban-status';
import { BAN_EVENTS, milestoneDate } from '@/components/core/ban/timeline';
import { Disclosure } from './Disclosure';
import { useI18n } from './I18n';

/** Platforms with their own steps (ban-facts §7 and §9: the UltraAV switch was Windows-only; apps left Google Play). */
const PLATFORMS = ['windows', 'mac', 'android', 'ios'] as const;

/** For people who still have Kaspersky installed: the update prohibition, BIS's word on continued use, and steps per platform. */
export function StillRunningSection({ open = false }: { open?: boolean }) {
  const { t, locale } = useI18n();
  const switchMonth = formatCalendarDay(BAN_EVENTS.ultraAvSwitch, locale);
  return (
    <Disclosure id="still-running-heading" title={t('popup_still_heading')} open={open}>
      <p>{t('popup_still_updates', [formatEasternDate(milestoneDate('no-updates'), locale)])}</p>
      <p>{t('popup_still_penalty')}</p>
      <h3 class="subheading">{t('popup_still_steps_heading')}</h3>
      <p>{t('popup_still_step_all')}</p>
      <dl class="platforms" data-testid="still-running-steps">
        {PLATFORMS.map(platform => (
          <div key={platform} data-platform={platform}>
            <dt>{t(`popup_still_os_${platform}`)}</dt>
            <dd>{t(`popup_still_step_${platform}`, platform === 'windows' ? [switchMonth] : [])}</dd>
          </div>
        ))}
      </dl>
    </Disclosure>
  );
}
