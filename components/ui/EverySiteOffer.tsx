import { useI18n } from './I18n';

export interface EverySiteOfferProps {
  /** Ask for access to all sites and turn the mode on; must run in the click. */
  onEnable: () => void;
}

/** A short offer of "every site" mode, shown in the popup on a page kban does not check. */
export function EverySiteOffer({ onEnable }: EverySiteOfferProps) {
  const { t } = useI18n();
  return (
    <section class="card every-site-offer" data-testid="every-site-offer" aria-labelledby="every-site-offer-text">
      <p id="every-site-offer-text">{t('popup_every_site_offer')}</p>
      <p class="small muted">{t('options_every_site_explain')}</p>
      <button type="button" onClick={onEnable}>
        {t('popup_every_site_turn_on')}
      </button>
    </section>
  );
}
