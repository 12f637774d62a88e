// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPORT_ISSUE_URL } from '@/components/core/ban/report-issue';
import { parsePolicy } from '@/components/core/policy/policy';
import { resolveSettings, SETTINGS_DEFAULTS, type UserSettings } from '@/components/core/policy/settings';
import { OptionsApp, type OptionsAppProps } from '@/components/ui/OptionsApp';
import { axeViolations } from './a11y';
import { missingKeys, plainText, renderWithI18n } from './i18n';

afterEach(cleanup);

function props(rawPolicy: unknown = {}, user: Partial<UserSettings> = {}, overrides: Partial<OptionsAppProps> = {}): OptionsAppProps {
  const { policy, problems } = parsePolicy(rawPolicy);
  return {
    settings: resolveSettings(policy, { ...SETTINGS_DEFAULTS, dismissedSites: [], ...user }),
    managed: { problems, available: true },
    region: { covered: true, source: 'time-zone', basis: 'us' },
    version: '0.1.0',
    onRegionChange: vi.fn(),
    onNoticesChange: vi.fn(),
    onRemoveDismissed: vi.fn(),
    ...overrides,
  };
}

const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('OptionsApp', () => {
  it('shows the four region choices, with what automatic decides now', () => {
    const { container } = renderWithI18n(<OptionsApp {...props()} />);
    expect(missingKeys(container)).toEqual([]);
    expect(radio(/Decide from my time zone/).checked).toBe(true);
    expect(plainText(screen.getByTestId('region-setting'))).toContain('(now: you appear to be in the US)');
    for (const name of [/I'm in the US/, /US citizen, permanent resident or US company outside the US/, /Neither/]) {
      expect(radio(name).checked).toBe(false);
      expect(radio(name).disabled).toBe(false);
    }
  });

  it.each([
    [/I'm in the US/, 'us'],
    [/outside the US$/, 'us-person-abroad'],
    [/Neither/, 'non-us'],
  ])('choosing %s saves region %s', (name, value) => {
    const p = props();
    renderWithI18n(<OptionsApp {...p} />);
    fireEvent.click(radio(name));
    expect(p.onRegionChange).toHaveBeenCalledWith(value);
  });

  it('switches notices off and on', () => {
    const p = props();
    renderWithI18n(<OptionsApp {...p} />);
    const box = screen.getByRole('checkbox', { name: /Show a notice/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(p.onNoticesChange).toHaveBeenCalledWith(false);
  });

  it('lists dismissed sites with an undo for each', () => {
    const p = props({}, { dismissedSites: ['www.amazon.com', 'www.newegg.com'] });
    renderWithI18n(<OptionsApp {...p} />);
    const list = screen.getByTestId('dismissed-sites');
    expect([...list.querySelectorAll('.host')].map(el => el.textContent)).toEqual(['www.amazon.com', 'www.newegg.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo: show notices on www.newegg.com again' }));
    expect(p.onRemoveDismissed).toHaveBeenCalledWith('www.newegg.com');
  });

  it('says when nothing was dismissed', () => {
    renderWithI18n(<OptionsApp {...props()} />);
    expect(plainText(screen.getByTestId('dismissed-sites'))).toContain("You haven't dismissed the notice on any site.");
  });

  it('locks what the policy sets, and says so', () => {
    renderWithI18n(<OptionsApp {...props({ region: 'us', enforcement: 'block', allowDismiss: false, organizationName: 'ACME Corp' })} />);
    expect(plainText(screen.getByTestId('managed-note'))).toBe('Some settings are managed by ACME Corp.');
    expect(radio(/I'm in the US/).checked, 'the policy value is shown').toBe(true);
    expect(radio(/I'm in the US/).disabled).toBe(true);
    expect(radio(/Decide from my time zone/).disabled).toBe(true);
    expect(plainText(screen.getByTestId('region-setting'))).toContain('Set by your organization');
    const notices = screen.getByRole('checkbox', { name: /Show a notice/ }) as HTMLInputElement;
    expect(notices.disabled).toBe(true);
    expect(notices.checked).toBe(true);
    expect(plainText(screen.getByTestId('notices-setting'))).toContain('Your organization blocks these pages.');
    expect(plainText(screen.getByTestId('dismissed-sites'))).toContain("doesn't allow dismissing notices");
  });

  it('shows notices as off when the policy turns them off', () => {
    renderWithI18n(<OptionsApp {...props({ enforcement: 'off' })} />);
    expect((screen.getByRole('checkbox', { name: /Show a notice/ }) as HTMLInputElement).checked).toBe(false);
  });

  it('lists policy problems in words', () => {
    renderWithI18n(<OptionsApp {...props({ colour: 'red', enforcement: 'loud', region: 'us' })} />);
    const items = [...screen.getByTestId('policy-problems').querySelectorAll('li')].map(li => plainText(li));
    expect(items).toEqual([
      '"colour" is not a setting kban knows, so it was ignored.',
      '"enforcement" was ignored: it must be one of "warn", "block", "off".',
    ]);
  });

  it('has no problems box when the policy is fine', () => {
    renderWithI18n(<OptionsApp {...props({ region: 'us' })} />);
    expect(screen.queryByTestId('policy-problems')).toBeNull();
  });

  it('builds the wrong-verdict report from what the user types, and only opens it', () => {
    renderWithI18n(<OptionsApp {...props()} />);
    fireEvent.input(screen.getByLabelText('Page address'), { target: { value: 'https://www.bestbuy.com/site/kaspersky-book/123.p?skuId=1' } });
    fireEvent.change(screen.getByLabelText('What is the page?'), { target: { value: 'none' } });
    fireEvent.input(screen.getByLabelText('Anything else (optional)'), { target: { value: 'A book, not software.' } });
    const link = screen.getByTestId('report-link');
    const href = new URL(link.getAttribute('href')!);
    expect(`${href.origin}${href.pathname}`).toBe(REPORT_ISSUE_URL);
    expect(href.searchParams.get('title')).toBe('Wrong verdict on www.bestbuy.com');
    expect(href.searchParams.get('body')).toContain('Page: https://www.bestbuy.com/site/kaspersky-book/123.p\n');
    expect(href.searchParams.get('body')).toContain('It should be: none');
    expect(href.searchParams.get('body')).toContain('A book, not software.');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('has labelled controls and no axe violations, locked or not', async () => {
    const { container } = renderWithI18n(<OptionsApp {...props({}, { dismissedSites: ['www.amazon.com'] })} />);
    expect(await axeViolations(container)).toEqual([]);
    cleanup();
    const locked = renderWithI18n(<OptionsApp {...props({ region: 'non-us', enforcement: 'warn', colour: 1 })} />);
    expect(await axeViolations(locked.container)).toEqual([]);
  });

  it('is Spanish with a Spanish browser', () => {
    const { container } = renderWithI18n(<OptionsApp {...props({ region: 'us' })} />, 'es');
    expect(missingKeys(container)).toEqual([]);
    const text = plainText(container);
    expect(text).toContain('Configuración de kban');
    expect(text).toContain('Establecido por su organización');
    expect(text).toContain('Informar de un resultado erróneo');
  });

  it.each<[Record<string, unknown>, string]>([
    [{ enforcement: 'loud' }, '«enforcement» se ignoró: debe ser uno de estos valores: "warn", "block", "off".'],
    [{ proceedMinutes: 0 }, '«proceedMinutes» se ignoró: debe ser un número entero de 1 a 1440.'],
    [{ organizationName: 'x'.repeat(101) }, '«organizationName» se ignoró: debe tener como máximo 100 caracteres.'],
    [{ supportUrl: 'javascript:alert(1)' }, '«supportUrl» se ignoró: debe ser una dirección http o https.'],
    [{ allowDismiss: 'yes' }, '«allowDismiss» se ignoró: debe ser true o false.'],
    [{ supportMessage: 42 }, '«supportMessage» se ignoró: debe ser un texto.'],
    [{ colour: 'red' }, '«colour» no es un ajuste que kban conozca, así que se ignoró.'],
  ])('words policy problem %o in Spanish, with no English left in', (raw, expected) => {
    renderWithI18n(<OptionsApp {...props(raw)} />, 'es');
    const text = plainText(screen.getByTestId('policy-problems'));
    expect(text).toContain(expected);
    expect(text, 'policy.ts English must not leak into the Spanish page').not.toMatch(/must be|ignored|unknown key/);
  });

  it('says the region text is general information, not legal advice', () => {
    renderWithI18n(<OptionsApp {...props()} />);
    expect(plainText(screen.getByTestId('region-setting'))).toContain('General information, not legal advice.');
  });
});
