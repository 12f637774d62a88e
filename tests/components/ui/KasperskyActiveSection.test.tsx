// @vitest-environment happy-dom
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '@/components/core/policy/policy';
import { KasperskyActiveSection } from '@/components/ui/KasperskyActiveSection';
import { PopupApp, type PopupAppProps } from '@/components/ui/PopupApp';
import { axeViolations } from './a11y';
import { missingKeys, plainText, renderWithI18n } from './i18n';

afterEach(cleanup);

const ACTIVE = { site: 'www.amazon.com', lastSeen: Date.UTC(2026, 10, 24, 15) };

const popup = (overrides: Partial<PopupAppProps> = {}): PopupAppProps => ({
  page: { status: 'unavailable' },
  policy: POLICY_DEFAULTS,
  region: { covered: true, source: 'time-zone', basis: 'us' },
  now: new Date('2026-11-25T12:00:00Z'),
  onOpenOptions: () => {},
  ...overrides,
});

describe('KasperskyActiveSection', () => {
  it.each([
    ['en', ['Kaspersky software appears to be active on this computer', 'www.amazon.com', 'barred from updating its software for people in the US and US persons since September 29, 2024', "if that's you, it may no longer get", 'steps on Windows, Mac, Android and iOS']],
    ['es', ['Parece que hay software de Kaspersky activo en este equipo', 'www.amazon.com', 'desde el 29 de septiembre de 2024', 'si es su caso, puede que ya no reciba', 'Si todavía usa Kaspersky']],
  ] as const)('says it plainly, with the updates date and what to do (%s)', async (locale, phrases) => {
    const { container } = renderWithI18n(<KasperskyActiveSection active={ACTIVE} />, locale);
    expect(missingKeys(container), `every key must exist in public/_locales/${locale}`).toEqual([]);
    const text = plainText(container);
    for (const phrase of phrases) expect(text, `the section should say "${phrase}"`).toContain(phrase);
    expect(text, 'issue 12 fact 6: never claim what this computer did or did not receive').not.toMatch(/has received no updates|no recibe actualizaciones desde/);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('appears in the popup only when Kaspersky was seen active', () => {
    const without = renderWithI18n(<PopupApp {...popup()} />);
    expect(without.container.querySelector('[data-testid="kaspersky-active"]')).toBeNull();
    cleanup();
    const withIt = renderWithI18n(<PopupApp {...popup({ kasperskyActive: ACTIVE })} />);
    const section = withIt.container.querySelector('[data-testid="kaspersky-active"]');
    expect(section, 'the popup should show the Kaspersky-active section').not.toBeNull();
    expect(plainText(section)).toContain('www.amazon.com');
  });
});
