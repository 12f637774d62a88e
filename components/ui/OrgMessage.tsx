import type { Policy } from '@/components/core/policy/policy';
import { useI18n } from './I18n';

export interface OrgMessageProps {
  policy: Pick<Policy, 'organizationName' | 'supportMessage' | 'supportUrl'>;
}

/** The organisation's name, message and link, when its policy sets them; nothing otherwise. */
export function OrgMessage({ policy }: OrgMessageProps) {
  const { t } = useI18n();
  const { organizationName, supportMessage, supportUrl } = policy;
  if (!organizationName && !supportMessage && !supportUrl) return null;
  return (
    <section class="card org" aria-labelledby="org-heading" data-testid="org-message">
      <h2 id="org-heading">{organizationName ? t('popup_org_heading', [organizationName]) : t('popup_org_heading_generic')}</h2>
      {supportMessage && <p>{supportMessage}</p>}
      {supportUrl && (
        <p>
          <a href={supportUrl} target="_blank" rel="noopener noreferrer">
            {t('popup_org_link')}
          </a>
        </p>
      )}
    </section>
  );
}
