import { explainVerdict } from '@/components/core/ban/explain-verdict';
import { buildReportUrl } from '@/components/core/ban/report-issue';
import type { PageReport } from '@/components/core/messages';
import { useI18n } from './I18n';

/** What the popup knows about the current tab. */
export type PageState =
  | { status: 'loading' }
  /** No content script answered: a browser page, or a site outside the list. */
  | { status: 'unavailable' }
  | { status: 'ready'; report: PageReport };

export interface PageSectionProps {
  page: PageState;
  /** Extension version, for the wrong-verdict report. */
  version?: string;
}

/** "This page": what the extension found on the tab and why, in words. */
export function PageSection({ page, version }: PageSectionProps) {
  const { t, locale } = useI18n();
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
        {page.status === 'ready' && <Verdict report={page.report} locale={locale} t={t} version={version} />}
      </div>
    </section>
  );
}

function Verdict({ report, locale, t, version }: { report: PageReport; locale: string; t: ReturnType<typeof useI18n>['t']; version?: string }) {
  const explanation = explainVerdict(report);
  const summary = t(explanation.summary.key, explanation.summary.substitutions);
  const evidence = explanation.evidence.map(key => t(key));
  const because = evidence.length
    ? t('popup_explain_because', [summary, new Intl.ListFormat(locale, { type: 'conjunction' }).format(evidence)])
    : summary;
  const reportUrl = buildReportUrl({
    pageUrl: report.url,
    found: report.classification.listing && report.items > 0 ? undefined : report.classification.verdict,
    reasons: report.classification.reasons,
    version,
  });
  return (
    <div class={`card ${explanation.tone}`} data-page-state="ready" data-verdict={report.classification.verdict}>
      <p class="card-title">{t(explanation.heading.key, explanation.heading.substitutions)}</p>
      <p data-testid="page-explanation">{because}</p>
      {explanation.action && <p>{t(explanation.action.key, explanation.action.substitutions)}</p>}
      <p class="small">
        <a href={reportUrl} target="_blank" rel="noopener noreferrer">
          {t('popup_report_wrong')}
        </a>
      </p>
    </div>
  );
}
