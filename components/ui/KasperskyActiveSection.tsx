import { formatEasternDate } from '@/components/core/ban/ban-status';
import { milestoneDate } from '@/components/core/ban/timeline';
import { useI18n } from './I18n';

export interface KasperskyActiveInfo {
  /** The site of the last page where Kaspersky's web protection was seen. */
  site: string;
  /** When it was last seen (ms since the epoch). */
  lastSeen: number;
}

/** Kaspersky's web protection was seen in pages on this computer: say so plainly, and where the steps are. */
export function KasperskyActiveSection({ active }: { active: KasperskyActiveInfo }) {
  const { t, locale } = useI18n();
  const seen = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(active.lastSeen));
  return (
    <section aria-labelledby="kaspersky-active-heading" class="card flagged" data-testid="kaspersky-active">
      <h2 id="kaspersky-active-heading">{t('popup_active_heading')}</h2>
      <p>{t('popup_active_body', [active.site, seen])}</p>
      <p>{t('popup_active_updates', [formatEasternDate(milestoneDate('no-updates'), locale)])}</p>
      <p>{t('popup_active_steps')}</p>
    </section>
  );
}
