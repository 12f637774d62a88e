import { useState } from 'preact/hooks';
import { buildReportUrl } from '@/components/core/ban/report-issue';
import type { Verdict } from '@/components/core/classifier/types';
import type { PolicyProblem } from '@/components/core/policy/policy';
import type { EffectiveSettings } from '@/components/core/policy/settings';
import type { RegionDecision, UserRegion } from '@/components/core/region/detect-region';
import { EverySiteSetting } from './EverySiteSetting';
import { useI18n, type Translate } from './I18n';

export interface OptionsAppProps {
  settings: EffectiveSettings;
  /** What the policy reader found (`readEffectiveSettings().managed`). */
  managed: { problems: PolicyProblem[]; available: boolean };
  /** The current region decision, to show what "automatic" decides right now. */
  region: RegionDecision;
  version?: string;
  onRegionChange: (region: UserRegion) => void;
  onNoticesChange: (on: boolean) => void;
  onRemoveDismissed: (host: string) => void;
  /** Whether the user granted the search sites (optional host permissions). */
  searchGranted?: boolean;
  /** The search toggle changed; turning it on must ask for the sites in this same click. */
  onSearchChange?: (on: boolean) => void;
  /** Policy turned search marking on but the sites are not granted: ask for them (in the click). */
  onSearchAllow?: () => void;
  /** Whether the extension has access to all sites ("every site" mode). */
  everySiteGranted?: boolean;
  /** The every-site switch changed; turning it on must ask for access in this same click. */
  onEverySiteChange?: (on: boolean) => void;
  /** Policy turned the every-site mode on but access is missing: ask for it (in the click). */
  onEverySiteAllow?: () => void;
}

const REGIONS: ReadonlyArray<[UserRegion, string]> = [
  ['auto', 'options_region_auto'],
  ['us', 'options_region_us'],
  ['us-person-abroad', 'options_region_abroad'],
  ['non-us', 'options_region_non_us'],
];

/** The options page: region, notices, dismissed sites, a wrong-verdict report, and what policy sets. */
export function OptionsApp(props: OptionsAppProps) {
  const { t } = useI18n();
  const { settings, managed } = props;
  const organization = settings.policy.organizationName;
  return (
    <div class="options">
      <header class="options-header">
        <h1>{t('options_title')}</h1>
        {settings.locked.length > 0 && (
          <p class="muted" data-testid="managed-note">
            {organization ? t('options_managed_by', [organization]) : t('options_managed')}
          </p>
        )}
      </header>
      <main>
        {managed.problems.length > 0 && <PolicyProblems problems={managed.problems} t={t} />}
        <RegionSetting {...props} />
        <NoticesSetting {...props} />
        <SearchSetting {...props} />
        <EverySiteSetting settings={settings} granted={!!props.everySiteGranted} onChange={(on) => props.onEverySiteChange?.(on)} onAllow={() => props.onEverySiteAllow?.()} />
        <DismissedSites {...props} />
        <ReportForm version={props.version} />
      </main>
    </div>
  );
}

function LockedNote({ t }: { t: Translate }) {
  return (
    <p class="locked" data-testid="locked">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
      </svg>
      {t('options_locked')}
    </p>
  );
}

function RegionSetting({ settings, region, onRegionChange }: OptionsAppProps) {
  const { t } = useI18n();
  const locked = settings.locked.includes('region');
  const selected: UserRegion = locked ? (settings.policy.region === 'auto' ? settings.user.region : settings.policy.region) : settings.user.region;
  const autoNowKey = region.basis === 'unknown' ? 'options_region_auto_now_unknown' : region.covered ? 'options_region_auto_now_us' : 'options_region_auto_now_outside';
  const autoNow = region.source === 'time-zone' ? t(autoNowKey) : '';
  return (
    <section aria-labelledby="region-setting-heading" class="setting" data-testid="region-setting">
      <h2 id="region-setting-heading">{t('options_region_heading')}</h2>
      <p class="muted">{t('options_region_intro')}</p>
      {locked && <LockedNote t={t} />}
      <fieldset disabled={locked}>
        <legend class="visually-hidden">{t('options_region_heading')}</legend>
        {REGIONS.map(([value, key]) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name="region"
              value={value}
              checked={selected === value}
              disabled={locked}
              onChange={() => onRegionChange(value)}
            />
            <span>
              {t(key)}
              {value === 'auto' && autoNow && <span class="muted"> {autoNow}</span>}
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function NoticesSetting({ settings, onNoticesChange }: OptionsAppProps) {
  const { t } = useI18n();
  const locked = settings.locked.includes('notices');
  const on = locked ? settings.enforcement !== 'off' : settings.user.notices;
  return (
    <section aria-labelledby="notices-heading" class="setting" data-testid="notices-setting">
      <h2 id="notices-heading">{t('options_notices_heading')}</h2>
      {locked && <LockedNote t={t} />}
      <label class="choice">
        <input type="checkbox" checked={on} disabled={locked} onChange={event => onNoticesChange((event.currentTarget as HTMLInputElement).checked)} />
        <span>{t('options_notices_label')}</span>
      </label>
      {locked && <p class="muted small">{t(`options_enforcement_${settings.enforcement}`)}</p>}
    </section>
  );
}

function SearchSetting({ settings, searchGranted = false, onSearchChange, onSearchAllow }: OptionsAppProps) {
  const { t } = useI18n();
  const locked = settings.locked.includes('searchResults');
  const on = settings.searchResults && searchGranted;
  return (
    <section aria-labelledby="search-heading" class="setting" data-testid="search-setting">
      <h2 id="search-heading">{t('options_search_heading')}</h2>
      {locked && <LockedNote t={t} />}
      <label class="choice">
        <input
          type="checkbox"
          checked={locked ? settings.searchResults : on}
          disabled={locked}
          onChange={event => onSearchChange?.((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('options_search_label')}</span>
      </label>
      <p class="muted small">{t('options_search_explain')}</p>
      {locked && settings.searchResults && !searchGranted && (
        <p data-testid="search-needs-access">
          {t('options_search_needs_access')}{' '}
          <button type="button" onClick={() => onSearchAllow?.()}>
            {t('options_search_allow')}
          </button>
        </p>
      )}
    </section>
  );
}

function DismissedSites({ settings, onRemoveDismissed }: OptionsAppProps) {
  const { t } = useI18n();
  const sites = settings.user.dismissedSites;
  return (
    <section aria-labelledby="dismissed-heading" class="setting" data-testid="dismissed-sites">
      <h2 id="dismissed-heading">{t('options_dismissed_heading')}</h2>
      {settings.locked.includes('dismiss') && <p class="muted">{t('options_dismissed_not_allowed')}</p>}
      {sites.length === 0 ? (
        <p class="muted">{t('options_dismissed_empty')}</p>
      ) : (
        <>
          <p class="muted">{t('options_dismissed_intro')}</p>
          <ul class="site-list">
            {sites.map(host => (
              <li key={host}>
                <span class="host">{host}</span>
                <button type="button" aria-label={t('options_dismissed_undo_label', [host])} onClick={() => onRemoveDismissed(host)}>
                  {t('options_dismissed_undo')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const VERDICT_CHOICES: ReadonlyArray<[Verdict, string]> = [
  ['none', 'options_report_expect_none'],
  ['purchase', 'options_report_expect_purchase'],
  ['download', 'options_report_expect_download'],
  ['exempt', 'options_report_expect_exempt'],
];

function ReportForm({ version }: { version?: string }) {
  const { t } = useI18n();
  const [pageUrl, setPageUrl] = useState('');
  const [expected, setExpected] = useState<Verdict>('none');
  const [note, setNote] = useState('');
  const href = buildReportUrl({ pageUrl, expected, note, version });
  return (
    <section aria-labelledby="report-heading" class="setting" data-testid="report-form">
      <h2 id="report-heading">{t('options_report_heading')}</h2>
      <p class="muted">{t('options_report_intro')}</p>
      <div class="field">
        <label for="report-url">{t('options_report_url')}</label>
        <input id="report-url" type="url" inputMode="url" autoComplete="off" placeholder="https://" value={pageUrl} onInput={e => setPageUrl((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="report-expected">{t('options_report_expected')}</label>
        <select id="report-expected" value={expected} onChange={e => setExpected((e.currentTarget as HTMLSelectElement).value as Verdict)}>
          {VERDICT_CHOICES.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="report-note">{t('options_report_note')}</label>
        <textarea id="report-note" rows={3} value={note} onInput={e => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <p>
        <a class="button primary" href={href} target="_blank" rel="noopener noreferrer" data-testid="report-link">
          {t('options_report_open')}
        </a>
      </p>
      <p class="muted small">{t('options_report_privacy')}</p>
    </section>
  );
}

function PolicyProblems({ problems, t }: { problems: PolicyProblem[]; t: Translate }) {
  return (
    <section aria-labelledby="problems-heading" class="setting card flagged" data-testid="policy-problems">
      <h2 id="problems-heading">{t('options_problems_heading')}</h2>
      <p>{t('options_problems_intro')}</p>
      <ul>
        {problems.map(problem => (
          <li key={`${problem.key}:${problem.code}`}>{describeProblem(problem, t)}</li>
        ))}
      </ul>
    </section>
  );
}

/** A policy problem in words, in the UI language (`options_problem_<code>`: the key, then the code's params). */
function describeProblem(problem: PolicyProblem, t: Translate): string {
  return t(`options_problem_${problem.code}`, [problem.key, ...problem.params]);
}
