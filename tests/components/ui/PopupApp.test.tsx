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
      'new agreements, updates, the Kaspersky Security Network, resale',
      'white label',
      'licensing it for resale or for that',
      'US persons anywhere',
      'no legal penalty under the Final Determination for continuing to use existing Kaspersky software',
      'strongly encourages',
      'Microsoft Defender is built into Windows',
      'UltraAV',
      'If UltraAV appeared in September 2024',
      'not legal advice',
    ]) {
      expect(text, `the popup should say "${fact}"`).toContain(fact);
    }
    expect(text, 'ban-facts: never say it is legal to buy').not.toMatch(/legal to buy/i);
    expect(text, 'ban-facts §9: quote BIS one way (strongly encourages)').not.toMatch(/BIS urges|BIS recommends/);
    expect(text, 'licensing is prohibited for resale or integration only (issue 12 fact 5)').not.toMatch(/integration or licensing\b(?! for)/);
    expect(text, 'never say the ban binds the reader (issue 12 fact 4)').not.toMatch(/applies to you|The ban covers you/i);
  });

  it('shows the timeline with the EDT cut-off and how long ago updates ended', () => {
    renderWithI18n(<PopupApp {...props()} />);
    expect(plainText(screen.getByTestId('timeline-headline'))).toBe('Updates have been prohibited for 2 years and 1 month.');
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
    expect(plainText(items[0])).toContain("in kban's reading");
    expect(plainText(items[0])).toContain('OpenTIP');
    expect(plainText(items[0]), 'CyberTrace is only probably exempt (ban-facts §4)').toContain('CyberTrace probably');
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
    ['a listed site\'s page that names no Kaspersky product', { status: 'quiet' }, "This page's address, title and headings don't name Kaspersky"],
    [
      'Amazon product page',
      { status: 'ready', report: AMAZON_PREMIUM },
      'Kaspersky Premium on Amazon, a product page',
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
      "Kaspersky OpenTIP on Kaspersky Threat Intelligence, an exempt service in kban's reading",
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
    [{ covered: true, source: 'time-zone', basis: 'us' }, 'You appear to be in the US (your time zone is America/Chicago), so kban shows notices.'],
    [{ covered: true, source: 'time-zone', basis: 'unknown' }, "Your time zone (America/Chicago) doesn't say where you are, so kban shows notices to be safe."],
    [{ covered: true, source: 'user', basis: 'us-person-abroad' }, "You said you're a US citizen, permanent resident or US company outside the US, so kban shows notices."],
    [{ covered: true, source: 'user', basis: 'us' }, "You said you're in the US, so kban shows notices."],
    [{ covered: false, source: 'time-zone', basis: 'non-us' }, 'You appear to be outside the US (your time zone is America/Chicago), so kban shows no notices.'],
    [{ covered: false, source: 'user', basis: 'non-us' }, "You said you're outside the US and not a US person, so kban shows no notices."],
    [{ covered: true, source: 'policy', basis: 'us' }, 'Your organization set kban to treat you as covered by the ban, so it shows notices.'],
    [{ covered: false, source: 'policy', basis: 'non-us' }, 'Your organization set kban to treat you as not covered by the ban, so it shows no notices.'],
  ])('%o', (region, expected) => {
    renderWithI18n(<PopupApp {...props({ region, timeZone: 'America/Chicago' })} />);
    const text = plainText(screen.getByTestId('region-status'));
    expect(text).toContain(expected);
    expect(text, 'kban assumes; it never says the ban binds the reader').not.toMatch(/applies to you|doesn't apply/);
  });

  it('with a UTC time zone, says the zone tells nothing and does not contradict itself', () => {
    renderWithI18n(<PopupApp {...props({ region: { covered: true, source: 'time-zone', basis: 'unknown' }, timeZone: 'UTC' })} />);
    const text = plainText(screen.getByTestId('region-status').querySelector('p'));
    expect(text).toBe("Your time zone (UTC) doesn't say where you are, so kban shows notices to be safe.");
    expect(plainText(screen.getByTestId('region-status')), 'UTC must not contradict itself').not.toMatch(/appear to be (in|outside)|Location unknown/);
  });

  it('never says where a reader is when the organization set the region (staff abroad)', () => {
    renderWithI18n(<PopupApp {...props({ region: { covered: true, source: 'policy', basis: 'us' }, timeZone: 'Europe/Berlin' })} />);
    expect(plainText(screen.getByTestId('region-status'))).not.toMatch(/In the US|in the US/);
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
    expect(text).toContain('Las actualizaciones llevan 2 años y 1 mes prohibidas.');
    expect(text).toContain('29 de septiembre de 2024, 0:00 EDT');
    expect(text).toContain('Página de Kaspersky Premium en Amazon');
    expect(text).toContain('no conlleva sanciones legales según la Determinación Final');
    expect(text).toContain('asesoramiento jurídico');
    expect(text).not.toContain('asesoramiento legal');
    expect(text).toContain('septiembre de 2024');
  });
});

describe('what this page means for the reader (issue 12: say it first)', () => {
  const order = (a: Element | null, b: Element | null) => !!a && !!b && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

  it('puts "What this means for you" right under the page verdict, the evidence after it, and the region after the page', () => {
    const { container } = renderWithI18n(<PopupApp {...props()} />);
    const summary = screen.getByTestId('page-summary');
    const meaning = screen.getByTestId('page-meaning');
    const evidence = screen.getByTestId('page-explanation');
    expect(order(summary, meaning), 'meaning follows the verdict').toBe(true);
    expect(order(meaning, evidence), 'the evidence moves below the meaning').toBe(true);
    expect(order(screen.getByTestId('page-section'), screen.getByTestId('region-status'))).toBe(true);
    expect(plainText(meaning)).toContain("If you're in the US or a US person, Kaspersky software can't legally be sold to you or updated for you");
    expect(plainText(meaning)).toContain('Choose another security product.');
    expect(plainText(evidence), 'the evidence reads as plain words').toBe(
      'How kban decided: the address is a product page, the product title names Kaspersky, and the brand is Kaspersky.',
    );
    expect(container.querySelector('main > *:nth-child(1)')?.getAttribute('data-testid'), 'nothing comes before This page without a policy').toBe('page-section');
  });

  it('answers "Am I breaking the law if I buy it?" truthfully and hedged', () => {
    renderWithI18n(<PopupApp {...props()} />);
    const meaning = plainText(screen.getByTestId('page-meaning'));
    expect(meaning).toContain('Am I breaking the law if I buy it?');
    const answer = plainText(screen.getByTestId('buying-answer'));
    expect(answer).toContain('no legal penalty under the Final Determination');
    expect(answer).toContain('it has not addressed new purchases');
    expect(answer).toContain('General information, not legal advice.');
    expect(answer, 'ban-facts §3: never say buying is legal or illegal for the buyer').not.toMatch(/legal to buy|illegal to buy|you are breaking/i);
  });

  it.each<[string, string, string[], string[]]>([
    ['Kaspersky Free', 'download', ["kban's reading: free Kaspersky tools are covered too"], []],
    ['Kaspersky Virus Removal Tool', 'download', ["kban's reading: free Kaspersky tools are covered too"], []],
    ['Kaspersky Premium', 'download', [], ['free Kaspersky tools']],
  ])('a download page for %s hedges free tools only where it applies', (product, verdict, present, absent) => {
    const report: PageReport = { ...AMAZON_PREMIUM, classification: { verdict: verdict as 'download', ruleId: 'kaspersky', product, reasons: ['vendor-path:^\\/downloads'] } };
    renderWithI18n(<PopupApp {...props({ page: { status: 'ready', report } })} />);
    const meaning = plainText(screen.getByTestId('page-meaning'));
    expect(meaning).toContain("Kaspersky can't legally provide this to you");
    for (const text of present) expect(meaning).toContain(text);
    for (const text of absent) expect(meaning).not.toContain(text);
  });

  it('an exempt page says nothing changes, hedged, and asks no buying question', () => {
    const report: PageReport = {
      url: 'https://opentip.kaspersky.com/',
      classification: { verdict: 'exempt', ruleId: 'kaspersky-threat-intelligence', category: 'threat-intelligence', product: 'Kaspersky OpenTIP', reasons: ['exempt:threat-intelligence'] },
      action: 'exempt-note',
      items: 0,
    };
    renderWithI18n(<PopupApp {...props({ page: { status: 'ready', report } })} />);
    const meaning = plainText(screen.getByTestId('page-meaning'));
    expect(meaning).toContain("Nothing changes for you here: the ban exempts this kind of service, in kban's reading.");
    expect(screen.queryByTestId('buying-answer')).toBeNull();
  });

  it.each<['en' | 'es', number, string]>([
    ['en', 1, '1 Kaspersky product is marked on this page.'],
    ['en', 3, '3 Kaspersky products are marked on this page.'],
    ['es', 1, 'Hay 1 producto de Kaspersky marcado en esta página.'],
    ['es', 4, 'Hay 4 productos de Kaspersky marcados en esta página.'],
  ])('listing count in %s uses plural rules (%d)', (locale, items, expected) => {
    const report: PageReport = { url: 'https://www.amazon.com/s?k=kaspersky', classification: { verdict: 'none', ruleId: 'amazon', listing: true, reasons: ['listing-path'] }, action: 'listing', items };
    renderWithI18n(<PopupApp {...props({ page: { status: 'ready', report } })} />, locale);
    expect(plainText(screen.getByTestId('page-action'))).toBe(expected);
  });

  it('gives Windows, Mac, Android and iOS their own steps', () => {
    renderWithI18n(<PopupApp {...props()} />);
    const steps = screen.getByTestId('still-running-steps');
    expect([...steps.querySelectorAll('dt')].map(dt => plainText(dt))).toEqual(['Windows', 'Mac', 'Android', 'iPhone and iPad']);
    const step = (platform: string) => plainText(steps.querySelector(`[data-platform="${platform}"] dd`));
    expect(step('windows')).toContain('Microsoft Defender is built into Windows');
    expect(step('windows')).toContain('US consumer customers on Windows');
    expect(step('mac')).toContain('The automatic switch to UltraAV was for Windows only');
    expect(step('android')).toContain('removed from Google Play worldwide');
    expect(step('android')).toContain('cancelled in Google Play');
    expect(step('ios')).toContain('App Store is cancelled there');
    expect(step('mac'), 'facts only from ban-facts.md: no invented menu paths').not.toMatch(/Applications folder|Launchpad|Finder/);
  });
});

describe('PopupApp: the "every site" offer', () => {
  it('appears on a page kban does not check, and asks in the click', async () => {
    const onEnable = vi.fn();
    const { container } = renderWithI18n(<PopupApp {...props({ page: { status: 'unavailable' }, onEnableEverySite: onEnable })} />);
    const offer = screen.getByTestId('every-site-offer');
    expect(plainText(offer)).toContain('It can also check Kaspersky pages on any site.');
    expect(plainText(offer), 'says what the access means').toContain('Nothing is sent anywhere.');
    fireEvent.click(screen.getByRole('button', { name: 'Check every site' }));
    expect(onEnable).toHaveBeenCalledTimes(1);
    expect(missingKeys(container)).toEqual([]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('stays away from pages kban checks, and when the mode is on (no handler)', () => {
    renderWithI18n(<PopupApp {...props({ onEnableEverySite: vi.fn() })} />);
    expect(screen.queryByTestId('every-site-offer')).toBeNull();
    cleanup();
    renderWithI18n(<PopupApp {...props({ page: { status: 'unavailable' } })} />);
    expect(screen.queryByTestId('every-site-offer')).toBeNull();
  });
});
