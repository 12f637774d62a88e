import { formatEasternDate } from '@/components/core/ban/ban-status';
import { BAN_DOCUMENT, BAN_SOURCES, milestoneDate } from '@/components/core/ban/timeline';
import { useI18n } from './I18n';

/** Links to the primary texts and the "not legal advice" line. */
export function SourcesFooter() {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="sources-heading" class="sources" data-testid="sources">
      <h2 id="sources-heading">{t('popup_sources_heading')}</h2>
      <ul>
        <li>
          <a href={BAN_SOURCES.federalRegister} target="_blank" rel="noopener noreferrer">
            {t('popup_source_federal_register', [BAN_DOCUMENT.citation])}
          </a>
        </li>
        <li>
          <a href={BAN_SOURCES.bisPressRelease} target="_blank" rel="noopener noreferrer">
            {t('popup_source_bis', [formatEasternDate(milestoneDate('announced'), locale)])}
          </a>
        </li>
      </ul>
      <p class="small muted">{t('popup_not_legal_advice')}</p>
    </section>
  );
}
