// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TimelineSection } from '@/components/ui/TimelineSection';
import { plainText, renderWithI18n } from './i18n';

afterEach(cleanup);

const statuses = () => [...document.querySelectorAll('[data-milestone]')].map(li => li.getAttribute('data-status'));

describe('TimelineSection', () => {
  it.each([
    ['2024-07-01T12:00:00Z', 'New agreements become prohibited in 18 days.', ['past', 'upcoming', 'upcoming'], 'in 2 months and 27 days'],
    ['2024-08-15T12:00:00Z', 'Updates become prohibited in 1 month and 13 days.', ['past', 'past', 'upcoming'], 'in 1 month and 13 days'],
    ['2024-09-29T03:59:59.999Z', 'Updates become prohibited in 1 minute.', ['past', 'past', 'upcoming'], 'in 1 minute'],
    ['2024-09-29T04:00:00.000Z', 'Updates have been prohibited for 1 minute.', ['past', 'past', 'past'], '1 minute ago'],
    ['2025-11-29T17:00:00Z', 'Updates have been prohibited for 1 year and 2 months.', ['past', 'past', 'past'], '1 year and 2 months ago'],
    ['2026-11-25T12:00:00Z', 'Updates have been prohibited for 2 years and 1 month.', ['past', 'past', 'past'], '2 years and 1 month ago'],
  ])('at %s: "%s"', (now, headline, expected, cutoffDistance) => {
    renderWithI18n(<TimelineSection now={new Date(now)} />);
    expect(plainText(screen.getByTestId('timeline-headline'))).toBe(headline);
    expect(statuses()).toEqual(expected);
    expect(plainText(document.querySelector('[data-milestone="no-updates"] .status'))).toBe(cutoffDistance);
  });

  it('writes each milestone with its date, EDT time and UTC time', () => {
    renderWithI18n(<TimelineSection now={new Date('2026-11-25T12:00:00Z')} />);
    expect([...document.querySelectorAll('[data-milestone] time')].map(el => [plainText(el), el.getAttribute('datetime')])).toEqual([
      ['June 20, 2024', '2024-06-20T12:00:00.000Z'],
      ['July 20, 2024, 12:00 AM EDT (04:00 UTC)', '2024-07-20T04:00:00.000Z'],
      ['September 29, 2024, 12:00 AM EDT (04:00 UTC)', '2024-09-29T04:00:00.000Z'],
    ]);
    expect(plainText(screen.getByTestId('timeline'))).toContain('On the US West Coast (Pacific time) that cut-off fell on September 28 at 9:00 PM PDT.');
  });

  it('is Spanish with Spanish dates', () => {
    renderWithI18n(<TimelineSection now={new Date('2024-08-15T12:00:00Z')} />, 'es');
    expect(plainText(screen.getByTestId('timeline-headline'))).toBe('Las actualizaciones quedan prohibidas dentro de 1 mes y 13 días.');
    expect(plainText(document.querySelector('[data-milestone="no-updates"] time'))).toBe('29 de septiembre de 2024, 0:00 EDT, hora del este de EE. UU. (04:00 UTC)');
  });
});
