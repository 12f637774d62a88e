// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPORT_ISSUE_URL } from '@/components/core/ban/report-issue';
import { BAN_SOURCES } from '@/components/core/ban/timeline';
import type { PageReport } from '@/components/core/messages';
import { POLICY_DEFAULTS } from '@/components/core/policy/policy';
import type { RegionDecision } from '@/components/core/region/detect-region';
import type { PageState } from '@/components/ui/PageSection';
import { PopupApp, type PopupAppProps } from '@/components/ui/PopupApp';
import { axeViolations } from './a11y';
import { missingKeys, plainText, renderWithI18n } from './i18n';

afterEach(cleanup);

const AMAZON_PREMIUM: PageReport = {
  url: 'https://www.amazon.com/Kaspersky-Premium/dp/B0BHVJ4QT3?tag=abc',
  classification: {
    verdict: 'purchase',
    ruleId: 'amazon',
    product: 'Kaspersky Premium',
    reasons: ['site:amazon', 'product-path', 'subject:product-title', 'brand:kaspersky'],
  },
  action: 'warned',
  items: 0,
};

const props = (overrides: Partial<PopupAppProps> = {}): PopupAppProps => ({
  page: { status: 'ready', report: AMAZON_PREMIUM },
  policy: POLICY_DEFAULTS,
  region: { covered: true, source: 'time-zone', basis: 'us' },
  now: new Date('2026-11-25T12:00:00Z'),
  version: '0.1.0',
  onOpenOptions: () => {},
  ...overrides,
});

describe('PopupApp (English)', () => {
  it('states the ban facts from ban-facts.md', () => {
    const { container } = renderWithI18n(<PopupApp {...props()} />);
    const text = plainText(container);
    expect(missingKeys(container), 'every message key must exist in public/_locales/en').toEqual([]);
    for (const fact of [
      'Bureau of Industry and Security (BIS)',
      'case ICTS-2021-002',
      'announced on June 20, 2024',
      'Federal Register on June 24, 2024 (89 FR 52434)',
      'sales, updates, resale',
      'white label',
      'US persons anywhere',
      'no legal penalty for continuing to use existing Kaspersky software',
      'Microsoft Defender is built in',
      'UltraAV',
      'In September 2024',
      'not legal advice',
    ]) {
      expect(text, `the popup should say "${fact}"`).toContain(fact);
    }
    expect(text, 'ban-facts: never say it is legal to buy').not.toMatch(/legal to buy/i);
  });

  it('shows the timeline with the EDT cut-off and how long ago updates ended', () => {
    renderWithI18n(<PopupApp {...props()} />);
    expect(plainText(screen.getByTestId('timeline-headline'))).toBe('Updates ended 2 years and 1 month ago.');
    const cutoff = document.querySelector('[data-milestone="no-updates"]');
    expect(plainText(cutoff)).toContain('September 29, 2024, 12:00 AM EDT (04:00 UTC)');
    expect(cutoff?.getAttribute('data-status')).toBe('past');
  });

  it('lists the three exempt categories with examples', () => {
    renderWithI18n(<PopupApp {...props()} />);
    const items = screen.getByTestId('exempt-list').querySelectorAll('li');
    expect([...items].map(li => plainText(li.querySelector('strong')))).toEqual([
      'Threat Intelligence products and services',
      'Security Training products and services',
      'Consulting or advisory services',
    ]);
    expect(plainText(items[0])).toContain('OpenTIP');
    expect(plainText(items[2])).toContain('purely informational or educational');
  });

  it('links the primary sources', () => {
    renderWithI18n(<PopupApp {...props()} />);
    const links = [...screen.getByTestId('sources').querySelectorAll('a')].map(a => a.getAttribute('href'));
    expect(links).toEqual([BAN_SOURCES.federalRegister, BAN_SOURCES.bisPressRelease]);
  });

  it('has headings, landmarks and expandable sections, and no axe violations', async () => {
    const { container } = renderWithI18n(<PopupApp {...props()} />);
    expect(container.querySelector('header h1')).not.toBeNull();
    expect(container.querySelector('main')).not.toBeNull();
    expect(container.querySelector('footer')).not.toBeNull();
    const summaries = [...container.querySelectorAll('details > summary h2')].map(h => plainText(h));
    expect(summaries).toEqual(['The ban', 'Exempt services', 'If you still run Kaspersky']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('opens every section when shown as a full tab', () => {
    const { container } = renderWithI18n(<PopupApp {...props({ standalone: true })} />);
    expect([...container.querySelectorAll('details')].every(d => d.open)).toBe(true);
  });
});

describe('This page', () => {
  it.each<[string, PageState, string]>([
    ['loading', { status: 'loading' }, 'Checking this page…'],
    ['no content script', { status: 'unavailable' }, "kban can't see this page"],
    [
      'Amazon product page',
      { status: 'ready', report: AMAZON_PREMIUM },
      'Amazon product page for Kaspersky Premium: product page address, product title, and brand',
    ],
    [
      'exempt portal',
      {
        status: 'ready',
        report: {
          url: 'https://opentip.kaspersky.com/',
          classification: { verdict: 'exempt', ruleId: 'kaspersky-threat-intelligence', category: 'threat-intelligence', product: 'Kaspersky OpenTIP', reasons: ['exempt:threat-intelligence'] },
          action: 'exempt-note',
          items: 0,
        },
      },
      'for Kaspersky OpenTIP, an exempt service: a Threat Intelligence service',
    ],
    [
      'dismissed',
      { status: 'ready', report: { ...AMAZON_PREMIUM, action: 'dismissed' } },
      'You dismissed the notice on this site.',
    ],
  ])('%s', (_name, page, expected) => {
    renderWithI18n(<PopupApp {...props({ page })} />);
    expect(plainText(screen.getByTestId('page-section'))).toContain(expected);
  });

  it('offers a prefilled wrong-verdict report without the query string', () => {
    renderWithI18n(<PopupApp {...props()} />);
    const link = screen.getByRole('link', { name: /Wrong verdict\?/ });
    const href = new URL(link.getAttribute('href')!);
    expect(`${href.origin}${href.pathname}`).toBe(REPORT_ISSUE_URL);
    expect(href.searchParams.get('body')).toContain('Page: https://www.amazon.com/Kaspersky-Premium/dp/B0BHVJ4QT3\n');
    expect(href.searchParams.get('body')).toContain('kban said: purchase');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('region status', () => {
  it.each<[RegionDecision, string]>([
    [{ covered: true, source: 'time-zone', basis: 'us' }, 'The ban applies to you. In the US, decided by your time zone.'],
    [{ covered: true, source: 'user', basis: 'us-person-abroad' }, 'The ban applies to you. US person outside the US, set by you.'],
    [{ covered: false, source: 'time-zone', basis: 'non-us' }, "The ban doesn't apply to you. Outside the US, decided by your time zone."],
    [{ covered: false, source: 'user', basis: 'non-us' }, "The ban doesn't apply to you. Not in the US and not a US person, set by you."],
    [{ covered: true, source: 'policy', basis: 'us' }, 'The ban applies to you. In the US, set by your organization.'],
  ])('%o', (region, expected) => {
    renderWithI18n(<PopupApp {...props({ region })} />);
    expect(plainText(screen.getByTestId('region-status'))).toContain(expected);
  });

  it('lets the user change it unless the organization set it', () => {
    const onOpenOptions = vi.fn();
    renderWithI18n(<PopupApp {...props({ onOpenOptions })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Change region' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
    cleanup();
    renderWithI18n(<PopupApp {...props({ region: { covered: true, source: 'policy', basis: 'us' } })} />);
    expect(screen.queryByRole('button', { name: 'Change region' })).toBeNull();
    expect(plainText(screen.getByTestId('region-status'))).toContain('Set by your organization');
  });

  it('reminds people outside the US that US persons are covered anywhere', () => {
    renderWithI18n(<PopupApp {...props({ region: { covered: false, source: 'time-zone', basis: 'non-us' } })} />);
    expect(plainText(screen.getByTestId('region-status'))).toContain('covered wherever they are');
  });
});

describe('organization message', () => {
  it('is absent without policy', () => {
    renderWithI18n(<PopupApp {...props()} />);
    expect(screen.queryByTestId('org-message')).toBeNull();
  });

  it('shows the name, message and link the policy sets', () => {
    renderWithI18n(
      <PopupApp {...props({ policy: { organizationName: 'ACME Corp', supportMessage: 'Use ACME Shield instead.', supportUrl: 'https://it.acme.example/av' } })} />,
    );
    const box = screen.getByTestId('org-message');
    expect(plainText(box)).toContain('From ACME Corp');
    expect(plainText(box)).toContain('Use ACME Shield instead.');
    expect(box.querySelector('a')?.getAttribute('href')).toBe('https://it.acme.example/av');
  });
});

describe('PopupApp (Spanish)', () => {
  it('is all Spanish, with Spanish dates and durations', () => {
    const { container } = renderWithI18n(<PopupApp {...props()} />, 'es');
    expect(missingKeys(container), 'every message key must exist in public/_locales/es').toEqual([]);
    const text = plainText(container);
    expect(text).toContain('Las actualizaciones terminaron hace 2 años y 1 mes.');
    expect(text).toContain('29 de septiembre de 2024, 0:00 EDT');
    expect(text).toContain('Página de producto de Amazon para Kaspersky Premium');
    expect(text).toContain('ninguna sanción legal');
    expect(text).toContain('septiembre de 2024');
  });
});
