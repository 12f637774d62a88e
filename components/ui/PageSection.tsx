import { explainVerdict } from '@/components/core/ban/explain-verdict';
import { buildReportUrl } from '@/components/core/ban/report-issue';
import type { PageReport } from '@/components/core/messages';
import { say, useI18n, type I18n } from './I18n';

/** What the popup knows about the current tab. */
export type PageState =
  | { status: 'loading' }
  /** No content script answered: a browser page, or a site outside the list. */
  | { status: 'unavailable' }
  /** A page kban reaches but that names no Kaspersky product: the first stage left it alone. */
  | { status: 'quiet' }
  | { status: 'ready'; report: PageReport };

export interface PageSectionProps {
  page: PageState;
  /** Extension version, for the wrong-verdict report. */
  version?: string;
}

/**
 * "This page": what the page is and what kban did, then directly "What this means for you"
 * (what to do, and the question shoppers ask), and last how kban decided, in plain words.
 */
export function PageSection({ page, version }: PageSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="page-heading" class="page-section" data-testid="page-section">
      <h2 id="page-heading">{t('popup_page_heading')}</h2>
      <div aria-live="polite">
        {page.status === 'loading' && <p class="muted">{t('popup_page_loading')}</p>}
        {page.status === 'unavailable' && (
          <div class="card" data-page-state="unavailable">
            <p class="card-title">{t('popup_page_unavailable_title')}</p>
            <p>{t('popup_page_unavailable')}</p>
          </div>
        )}
        {page.status === 'quiet' && (
          <div class="card" data-page-state="quiet">
            <p class="card-title">{t('popup_page_quiet_title')}</p>
            <p>{t('popup_page_quiet')}</p>
          </div>
        )}
        {page.status === 'ready' && <Verdict report={page.report} i18n={i18n} version={version} />}
      </div>
    </section>
  );
}

function Verdict({ report, i18n, version }: { report: PageReport; i18n: I18n; version?: string }) {
  const { t, locale } = i18n;
  const explanation = explainVerdict(report);
  const evidence = explanation.evidence.map(key => t(key));
  const reportUrl = buildReportUrl({
    pageUrl: report.url,
    found: report.classification.listing && report.items > 0 ? undefined : report.classification.verdict,
    reasons: report.classification.reasons,
    version,
  });
  return (
    <div class={`card ${explanation.tone}`} data-page-state="ready" data-verdict={report.classification.verdict}>
      <p class="card-title">{say(i18n, explanation.heading)}</p>
      <p data-testid="page-summary">{say(i18n, explanation.summary)}</p>
      {explanation.action && <p data-testid="page-action">{say(i18n, explanation.action)}</p>}
      {explanation.meaning && (
        <div class="meaning" data-testid="page-meaning">
          <h3 class="subheading">{t('popup_meaning_heading')}</h3>
          {explanation.meaning.map(message => (
            <p key={message.key}>{say(i18n, message)}</p>
          ))}
          {explanation.buyingQuestion && (
            <>
              <p class="question">
                <strong>{t('popup_buying_question')}</strong>
              </p>
              <p data-testid="buying-answer">{t('popup_buying_answer')}</p>
            </>
          )}
        </div>
      )}
      {evidence.length > 0 && (
        <p class="small muted" data-testid="page-explanation">
          {t('popup_evidence', [new Intl.ListFormat(locale, { type: 'conjunction' }).format(evidence)])}
        </p>
      )}
      <p class="small">
        <a href={reportUrl} target="_blank" rel="noopener noreferrer">
          {t('popup_report_wrong')}
        </a>
      </p>
    </div>
  );
}
