// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WelcomeApp, type WelcomeAppProps } from '@/components/ui/WelcomeApp';
import { axeViolations } from './a11y';
import { missingKeys, plainText, renderWithI18n } from './i18n';

afterEach(cleanup);

const props = (overrides: Partial<WelcomeAppProps> = {}): WelcomeAppProps => ({
  zone: { basis: 'non-us' },
  timeZone: 'Europe/Berlin',
  userRegion: 'auto',
  locked: false,
  saved: false,
  onAnswer: vi.fn(),
  onOpenOptions: vi.fn(),
  ...overrides,
});

describe('WelcomeApp', () => {
  it('says in three lines what kban does and does not do, and that it sends nothing', () => {
    const { container } = renderWithI18n(<WelcomeApp {...props()} />);
    expect(missingKeys(container)).toEqual([]);
    const points = [...screen.getByTestId('welcome-points').querySelectorAll('li')].map(li => plainText(li));
    expect(points).toHaveLength(3);
    expect(points[0]).toContain('a 2024 US ban bars selling, reselling or updating Kaspersky security software in the US or for US persons');
    expect(points[1]).toContain("can't see inside apps or desktop programs");
    expect(points[2]).toContain('It sends nothing anywhere');
    expect(plainText(container)).toContain('General information, not legal advice.');
  });

  it('asks the one question the time zone cannot answer, and saves the answer', () => {
    const onAnswer = vi.fn();
    renderWithI18n(<WelcomeApp {...props({ onAnswer })} />);
    expect(plainText(screen.getByTestId('welcome-question'))).toContain('Your time zone (Europe/Berlin) is outside the US');
    const group = screen.getByRole('group', { name: /are you a US citizen, permanent resident or US company outside the US\?/ });
    expect(group).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Yes: show me notices wherever I am/ }));
    expect(onAnswer).toHaveBeenCalledWith('us-person-abroad');
    fireEvent.click(screen.getByRole('radio', { name: /No: decide from my time zone/ }));
    expect(onAnswer).toHaveBeenLastCalledWith('auto');
  });

  it.each<[WelcomeAppProps['zone']['basis'], string]>([
    ['us', 'Your time zone (America/Chicago) is in the US, so kban will show notices.'],
    ['unknown', "Your time zone (America/Chicago) doesn't say where you are, so kban will show notices to be safe."],
  ])('says what the time zone (%s) decides', (basis, expected) => {
    renderWithI18n(<WelcomeApp {...props({ zone: { basis }, timeZone: 'America/Chicago' })} />);
    expect(plainText(screen.getByTestId('welcome-question'))).toContain(expected);
  });

  it('asks nothing when the organization sets the region', () => {
    renderWithI18n(<WelcomeApp {...props({ locked: true })} />);
    expect(screen.queryByRole('radio')).toBeNull();
    expect(plainText(screen.getByTestId('welcome-question'))).toContain('Your organization sets who kban treats as covered.');
  });

  it('confirms a saved answer and opens the settings', () => {
    const onOpenOptions = vi.fn();
    renderWithI18n(<WelcomeApp {...props({ saved: true, userRegion: 'us-person-abroad', onOpenOptions })} />);
    expect(plainText(screen.getByRole('status'))).toBe('Saved. You can change this any time in Settings.');
    expect((screen.getByRole('radio', { name: /Yes/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'All settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('is Spanish, and has no axe violations', async () => {
    const { container } = renderWithI18n(<WelcomeApp {...props()} />, 'es');
    expect(missingKeys(container)).toEqual([]);
    expect(plainText(container)).toContain('Le damos la bienvenida a kban');
    expect(plainText(container)).toContain('¿es ciudadano o residente permanente de EE. UU., o una empresa estadounidense, fuera de EE. UU.?');
    expect(await axeViolations(container)).toEqual([]);
    cleanup();
    const locked = renderWithI18n(<WelcomeApp {...props({ locked: true, saved: true })} />);
    expect(await axeViolations(locked.container)).toEqual([]);
  });
});
