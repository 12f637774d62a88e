import type { RegionDecision, UserRegion } from '@/components/core/region/detect-region';
import { useI18n } from './I18n';

export interface WelcomeAppProps {
  /** What the time zone alone says (the region decision with the user's answer left out). */
  zone: Pick<RegionDecision, 'basis'>;
  timeZone: string;
  /** The user's current answer. */
  userRegion: UserRegion;
  /** The organization's policy sets the region: no question to ask. */
  locked: boolean;
  /** The answer was saved (shown as a status line). */
  saved: boolean;
  onAnswer: (region: UserRegion) => void;
  onOpenOptions: () => void;
}

const ZONE_KEYS: Record<RegionDecision['basis'], string> = {
  us: 'welcome_zone_us',
  'non-us': 'welcome_zone_outside',
  unknown: 'welcome_zone_unknown',
  'us-person-abroad': 'welcome_zone_outside',
};

/**
 * The first-run page: what kban does and doesn't do in three lines, that it sends nothing, and the
 * one question the time zone can't answer (a US person abroad?).
 */
export function WelcomeApp({ zone, timeZone, userRegion, locked, saved, onAnswer, onOpenOptions }: WelcomeAppProps) {
  const { t } = useI18n();
  return (
    <div class="options welcome">
      <header class="options-header">
        <h1>{t('welcome_title')}</h1>
      </header>
      <main>
        <ul class="welcome-points" data-testid="welcome-points">
          <li>{t('welcome_does')}</li>
          <li>{t('welcome_does_not')}</li>
          <li>{t('welcome_privacy')}</li>
        </ul>
        <section class="setting" aria-labelledby="welcome-question" data-testid="welcome-question">
          <p>{t(ZONE_KEYS[zone.basis], [timeZone || 'UTC'])}</p>
          {locked ? (
            <p class="muted" id="welcome-question">
              {t('welcome_managed')}
            </p>
          ) : (
            <fieldset>
              <legend id="welcome-question">{t('welcome_question')}</legend>
              <label class="choice">
                <input type="radio" name="abroad" value="yes" checked={userRegion === 'us-person-abroad'} onChange={() => onAnswer('us-person-abroad')} />
                <span>{t('welcome_answer_yes')}</span>
              </label>
              <label class="choice">
                <input type="radio" name="abroad" value="no" checked={userRegion === 'auto'} onChange={() => onAnswer('auto')} />
                <span>{t('welcome_answer_no')}</span>
              </label>
            </fieldset>
          )}
          <p role="status" class="small">
            {saved ? t('welcome_saved') : ''}
          </p>
        </section>
        <p>
          <button type="button" onClick={onOpenOptions}>
            {t('welcome_settings')}
          </button>
        </p>
        <p class="muted small">{t('popup_not_legal_advice')}</p>
      </main>
    </div>
  );
}
