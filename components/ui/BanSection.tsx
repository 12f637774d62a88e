import { formatCalendarDay, formatEasternDate } from '@/components/core/ban/ban-status';
import { BAN_DOCUMENT, BAN_EVENTS, milestoneDate } from '@/components/core/ban/timeline';
import { Disclosure } from './Disclosure';
import { useI18n } from './I18n';

/** The ban: who decided it, what and whom it covers, and what it means for an installed copy. */
export function BanSection({ open = true }: { open?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Disclosure id="ban-heading" title={t('popup_ban_heading')} open={open}>
      <dl class="facts" data-testid="ban-facts">
        <dt>{t('popup_ban_who_label')}</dt>
        <dd>
          {t('popup_ban_who', [
            BAN_DOCUMENT.caseNumber,
            formatEasternDate(milestoneDate('announced'), locale),
            formatCalendarDay(BAN_EVENTS.federalRegister, locale),
            BAN_DOCUMENT.citation,
          ])}
        </dd>
        <dt>{t('popup_ban_what_label')}</dt>
        <dd>{t('popup_ban_what')}</dd>
        <dt>{t('popup_ban_whom_label')}</dt>
        <dd>{t('popup_ban_whom')}</dd>
        <dt>{t('popup_ban_use_label')}</dt>
        <dd>{t('popup_ban_use')}</dd>
      </dl>
    </Disclosure>
  );
}
