import { Disclosure } from './Disclosure';
import { useI18n } from './I18n';

const CATEGORIES = [
  ['popup_exempt_ti', 'popup_exempt_ti_examples'],
  ['popup_exempt_training', 'popup_exempt_training_examples'],
  ['popup_exempt_consulting', 'popup_exempt_consulting_examples'],
] as const;

/** The three exempt categories in plain words, with examples (hedged: the mapping is ours). */
export function ExemptSection({ open = false }: { open?: boolean }) {
  const { t } = useI18n();
  return (
    <Disclosure id="exempt-heading" title={t('popup_exempt_heading')} open={open}>
      <p>{t('popup_exempt_intro')}</p>
      <ul data-testid="exempt-list">
        {CATEGORIES.map(([name, examples]) => (
          <li key={name}>
            <strong>{t(name)}</strong>
            <br />
            <span class="muted">{t(examples)}</span>
          </li>
        ))}
      </ul>
      <p class="small muted">{t('popup_exempt_note')}</p>
    </Disclosure>
  );
}
