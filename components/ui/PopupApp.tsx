import type { Policy } from '@/components/core/policy/policy';
import type { RegionDecision } from '@/components/core/region/detect-region';
import { BanSection } from './BanSection';
import { EverySiteOffer } from './EverySiteOffer';
import { ExemptSection } from './ExemptSection';
import { KasperskyActiveSection, type KasperskyActiveInfo } from './KasperskyActiveSection';
import { OrgMessage } from './OrgMessage';
import { PageSection, type PageState } from './PageSection';
import { RegionStatus } from './RegionStatus';
import { SourcesFooter } from './SourcesFooter';
import { StillRunningSection } from './StillRunningSection';
import { TimelineSection } from './TimelineSection';
import { useI18n } from './I18n';

export interface PopupAppProps {
  page: PageState;
  policy: Pick<Policy, 'organizationName' | 'supportMessage' | 'supportUrl'>;
  region: RegionDecision;
  /** The browser's time zone, named when the region comes from it. */
  timeZone?: string;
  /** The moment the timeline is computed for. */
  now: Date;
  version?: string;
  /** Opened as a full tab (from the notice's Details button) rather than as the toolbar popup. */
  standalone?: boolean;
  onOpenOptions: () => void;
  /** Kaspersky's web protection was seen running on this computer (storage.local `kasperskyActive`). */
  kasperskyActive?: KasperskyActiveInfo;
  /** Offer "every site" mode on a page kban does not check (absent: the mode is on, or policy decides). */
  onEnableEverySite?: () => void;
}

/** The toolbar popup: this page and what it means for the reader, what kban assumed about them, the timeline, the ban, exemptions, advice and sources. */
export function PopupApp({ page, policy, region, timeZone, now, version, standalone = false, onOpenOptions, kasperskyActive, onEnableEverySite }: PopupAppProps) {
  const { t } = useI18n();
  return (
    <div class={standalone ? 'popup standalone' : 'popup'}>
      <header class="popup-header">
        <h1>{t('popup_title')}</h1>
        <p class="small muted">{t('popup_tagline')}</p>
      </header>
      <main>
        <OrgMessage policy={policy} />
        {kasperskyActive && <KasperskyActiveSection active={kasperskyActive} />}
        <PageSection page={page} version={version} />
        {page.status === 'unavailable' && onEnableEverySite && <EverySiteOffer onEnable={onEnableEverySite} />}
        <RegionStatus region={region} timeZone={timeZone} onOpenOptions={onOpenOptions} />
        <TimelineSection now={now} />
        <BanSection open />
        <ExemptSection open={standalone} />
        <StillRunningSection open={standalone} />
      </main>
      <footer class="popup-footer">
        <SourcesFooter />
        <p>
          <button type="button" onClick={onOpenOptions}>
            {t('popup_open_options')}
          </button>
        </p>
      </footer>
    </div>
  );
}
