// @vitest-environment happy-dom
/** The notice's content and order in the DOM: what it means first, then the small print; the calm exempt look; plurals. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeWords } from '@/components/core/ban/notice-text';
import type { Classification } from '@/components/core/classifier/types';
import { POLICY_DEFAULTS } from '@/components/core/policy/policy';
import { createBlockScreen } from '@/entrypoints/block-screen/block-screen';
import { createNotice as createBar } from '@/entrypoints/notice/notice';
import { noticeRoot, type NoticeProps } from '@/entrypoints/notice/notice-parts';

/** The warning bar or the block screen, as the page check draws them (each from its own script). */
const createNotice = (props: NoticeProps) => (props.mode === 'block' ? createBlockScreen(props) : createBar(props));
import { axeViolations } from '../../components/ui/a11y';
import { plainText, translator } from '../../components/ui/i18n';

// The notice's root is closed in the product (notice-trusted.test.ts covers that). These tests are about its
// content and accessibility, and axe can only walk an open root: open it here.
const attachShadow = Element.prototype.attachShadow;
vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
  return attachShadow.call(this, { ...init, mode: 'open' });
});

afterEach(() => {
  document.body.innerHTML = '';
});

const AMAZON: Classification = { verdict: 'purchase', ruleId: 'amazon', product: 'Kaspersky Premium', reasons: [] };

/** What the background composes (`noticeWords`, in the given language), drawn as the page check draws it. */
type Overrides = Partial<Omit<NoticeProps, 'words'>> & { canDismiss?: boolean; proceedLabel?: string; kasperskyNote?: boolean };

function notice({ canDismiss = true, proceedLabel, kasperskyNote, ...overrides }: Overrides = {}, locale: 'en' | 'es' = 'en') {
  const plan = { classification: AMAZON, mode: 'warn' as const, policy: { ...POLICY_DEFAULTS }, ...overrides };
  const dates = locale === 'es' ? { noNewSales: '20 de julio de 2024', noUpdates: '29 de septiembre de 2024' } : { noNewSales: 'July 20, 2024', noUpdates: 'September 29, 2024' };
  const words = noticeWords({ ...plan, dates, region: { source: 'time-zone', basis: 'us' }, canDismiss, kasperskyNote, proceedLabel }, translator(locale));
  const host = createNotice({ ...plan, words, onDetails: vi.fn(), onDismiss: vi.fn(), onProceed: vi.fn() });
  document.body.append(host);
  return noticeRoot(host)!;
}

describe('notice', () => {
  it('reads: title, what it means and what to do, then dates, why it is shown and not legal advice', () => {
    const root = notice();
    const parts = [...root.querySelectorAll('.title, .lead, .facts')].map(el => el.className);
    expect(parts, 'the meaning comes before the small print').toEqual(['title', 'lead', 'facts']);
    expect(plainText(root.querySelector('.title'))).toBe("Kaspersky Premium can't be sold in the US or to US persons");
    expect(plainText(root.querySelector('.lead'))).toMatch(/^If you're in the US or a US person, .* Choose another security product\.$/);
    const facts = plainText(root.querySelector('.facts'));
    expect(facts).toContain('Reselling Kaspersky software has been prohibited since 12:00 AM EDT on September 29, 2024');
    expect(facts).toContain('new agreements since 12:00 AM EDT on July 20, 2024');
    expect(facts).toContain('Shown because you appear to be in the US (from your time zone).');
    expect(facts).toContain('General information, not legal advice.');
    expect(plainText(root.querySelector('.bar')), 'issue 12 fact 1: never "bars Kaspersky from selling … since" as a present habit').not.toMatch(/bars Kaspersky from selling/);
    expect(root.querySelector('.bar')?.getAttribute('role')).toBe('alert');
  });

  it('gives an exempt service a calm information look of its own: an "i", not the warning triangle, and no alert', async () => {
    expect(notice().querySelector('.icon')?.className).toBe('icon warning');
    const root = notice({ classification: { verdict: 'exempt', category: 'threat-intelligence', product: 'Kaspersky Threat Intelligence Portal', reasons: [] }, canDismiss: false });
    const bar = root.querySelector('.bar')!;
    expect(bar.classList.contains('exempt')).toBe(true);
    expect(bar.getAttribute('role'), 'an exempt note is not an alert').toBe('note');
    expect(root.querySelector('.icon')?.className).toBe('icon info');
    expect(root.querySelector('.icon')?.getAttribute('aria-hidden'), 'the icon is decoration: the title says it').toBe('true');
    expect(plainText(root.querySelector('.title'))).toBe('Kaspersky Threat Intelligence Portal appears to be exempt from the US ban on Kaspersky');
    expect(plainText(root.querySelector('.lead'))).toContain("BIS's own list of products could not be checked");
    expect(await axeViolations(bar)).toEqual([]);
  });

  it('the block screen says the same in the same order, and its proceed button uses the prepared plural label', async () => {
    const root = notice({ mode: 'block', policy: { ...POLICY_DEFAULTS, allowProceed: true, proceedMinutes: 1 }, proceedLabel: 'Proceed anyway for 1 minute' });
    expect(plainText(root.querySelector('h2'))).toBe("Blocked: Kaspersky Premium can't be sold in the US or to US persons");
    expect([...root.querySelectorAll('.panel > p')].map(p => p.className)).toEqual(['lead', 'facts']);
    expect(plainText(root.querySelector('.facts'))).toContain('General information, not legal advice.');
    const buttons = [...root.querySelectorAll('button')].map(b => plainText(b));
    expect(buttons).toEqual(['Details', 'Proceed anyway for 1 minute']);
    expect(await axeViolations(root.querySelector('.panel')!)).toEqual([]);
  });

  it('without a prepared label (first moments after install) falls back to the plural "other" form, never "1 minutes" from a singular key', () => {
    const root = notice({ mode: 'block', policy: { ...POLICY_DEFAULTS, allowProceed: true, proceedMinutes: 30 } });
    expect([...root.querySelectorAll('button')].map(b => plainText(b))).toContain('Proceed anyway for 30 minutes');
  });

  it('shows the organization line only when there is a message (a name alone read "Message from ACME Corp:" with nothing after it)', () => {
    expect(notice({ policy: { ...POLICY_DEFAULTS, organizationName: 'ACME Corp' } }).querySelector('.org')).toBeNull();
    const root = notice({ policy: { ...POLICY_DEFAULTS, organizationName: 'ACME Corp', supportMessage: 'Use ACME Shield.' } });
    expect(plainText(root.querySelector('.org'))).toBe('Message from ACME Corp: Use ACME Shield.');
  });

  it('is Spanish with Spanish messages', () => {
    const root = notice({}, 'es');
    expect(plainText(root.querySelector('.title'))).toBe('Kaspersky Premium no se puede vender en EE. UU. ni a personas estadounidenses');
    expect(plainText(root.querySelector('.facts'))).toContain('desde las 0:00 EDT del 29 de septiembre de 2024');
    expect(plainText(root.querySelector('.facts'))).toContain('asesoramiento jurídico');
  });

  it('carries the one-time note that Kaspersky appears active, and a dismiss button named for screen readers', () => {
    expect(notice().querySelector('[data-kban-note]'), 'no note unless the plan says so').toBeNull();
    const root = notice({ kasperskyNote: true });
    expect(plainText(root.querySelector('[data-kban-note="kaspersky-active"]'))).toContain('September 29, 2024');
    expect(root.querySelector('button.close')?.getAttribute('aria-label')).toBe('Dismiss on this site');
    expect(notice({ canDismiss: false }).querySelector('button.close'), 'no close button where policy forbids it').toBeNull();
  });

  it('has no axe violations in the warning bar', async () => {
    expect(await axeViolations(notice().querySelector('.bar')!)).toEqual([]);
  });
});
