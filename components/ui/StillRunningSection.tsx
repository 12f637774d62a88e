import { formatCalendarDay, formatEasternDate } from '@/components/core/ban/ban-status';
import { BAN_EVENTS, milestoneDate } from '@/components/core/ban/timeline';
import { Disclosure } from './Disclosure';
import { useI18n } from './I18n';

/** For people who still have Kaspersky installed: no more updates, what to do, and why UltraAV appeared. */
export function StillRunningSection({ open = false }: { open?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Disclosure id="still-running-heading" title={t('popup_still_heading')} open={open}>
      <p>{t('popup_still_updates', [formatEasternDate(milestoneDate('no-updates'), locale)])}</p>
      <p>{t('popup_still_penalty')}</p>
      <h3 class="subheading">{t('popup_still_steps_heading')}</h3>
      <ol data-testid="still-running-steps">
        <li>{t('popup_still_step_renewal')}</li>
        <li>{t('popup_still_step_uninstall')}</li>
        <li>{t('popup_still_step_replace')}</li>
      </ol>
      <h3 class="subheading">{t('popup_ultraav_heading')}</h3>
      <p>{t('popup_ultraav_body', [formatCalendarDay(BAN_EVENTS.ultraAvSwitch, locale)])}</p>
    </Disclosure>
  );
}
