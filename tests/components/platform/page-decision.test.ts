import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyGeneric } from '@/components/core/classifier/classify-generic';
import type { CheckRequest, PageReport } from '@/components/core/messages';
import { findRule } from '@/components/core/site-rules';
import { GENERIC_RULE } from '@/components/core/site-rules/generic';
import { readKasperskyActive, recordKasperskyActive } from '@/components/platform/kaspersky-active';
import { PAGE_CONTEXT_KEY } from '@/components/platform/page-context';
import { decidePage, decideTiles, ruleById } from '@/components/platform/page-decision';
import { grantProceed } from '@/components/platform/proceed-store';
import { SETTINGS_KEY } from '@/components/platform/settings-store';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { collectTiles } from '@/entrypoints/listing/collect-tiles';
import { loadPage } from '../../fixtures/load-page';
import { LISTING_FIXTURES } from '../../fixtures/pages/listings';
import { READERS } from '../../fixtures/readers';
import { getMessage } from '../ui/i18n';

const PRODUCT_URL = 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3';
const OTHER_URL = 'https://www.amazon.com/Norton-Antivirus-Password-Manager-Protection/dp/B0BT3HHM9P';

/** What the page check sends for a saved page: the signals its reader takes from the real markup. */
function request(file: string, url: string, extra: Partial<CheckRequest> = {}): CheckRequest {
  const rule = findRule(new URL(url).hostname)!;
  return { type: 'kban:check', ruleId: rule.id, signals: collectSignals(loadPage(file, url), rule, url, READERS), checks: 1, kasperskySeen: false, previous: '', ...extra };
}

/** The prepared context the background stores (a US time zone unless said otherwise). */
async function storeContext(policy: Record<string, unknown> = {}, zone = 'us') {
  await fakeBrowser.storage.local.set({ [PAGE_CONTEXT_KEY]: { policy, timeZone: 'America/New_York', zone, dates: { noNewSales: 'July 20, 2024', noUpdates: 'September 29, 2024' }, messages: { notice_title_purchase: '\ue001 is banned in the US', notice_facts_reseller: 'Sales stopped \ue001; updates \ue002.' } } });
}

beforeEach(async () => {
  fakeBrowser.reset();
  // The browser's own lookup, over the real English messages: what the stored context lacks comes from there.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage('en', key, subs)) as never);
  await storeContext();
});

describe('decidePage', () => {
  it('a Kaspersky product on Amazon: a warning, its words composed from the stored page messages and dates', async () => {
    const plan = await decidePage(request('www.amazon.com/kaspersky-premium.html', PRODUCT_URL), 'www.amazon.com');
    expect(plan.report).toMatchObject({ url: PRODUCT_URL, action: 'warned', items: 0, checks: 1, classification: { verdict: 'purchase', ruleId: 'amazon' } });
    expect(plan.notice?.mode).toBe('warn');
    const words = plan.notice!.words;
    expect(words.title).toMatch(/^Kaspersky .+ is banned in the US$/);
    expect(words.facts, 'the dates go in their slots; a message the context lacks comes from the browser').toMatch(/^Sales stopped July 20, 2024; updates September 29, 2024\. \S/);
    expect(Object.keys(words).sort(), 'no organisation lines, note or proceed button unless called for').toEqual(['details', 'dismiss', 'facts', 'lead', 'title']);
    expect(plan.markTiles).toBe(false);
    expect(plan.badges, 'badge words only where tiles may be badged').toBeUndefined();
  });

  it('block by policy, and the warning that replaces it once the person chose to proceed', async () => {
    await storeContext({ enforcement: 'block', allowDismiss: false });
    const page = request('www.amazon.com/kaspersky-premium.html', PRODUCT_URL);
    const blocked = (await decidePage(page, 'www.amazon.com')).notice;
    expect(blocked?.mode).toBe('block');
    expect(blocked?.words.dismiss, 'a block screen has no dismiss button').toBeUndefined();
    await grantProceed('www.amazon.com', 60);
    const plan = await decidePage(page, 'www.amazon.com');
    expect([plan.report.action, plan.notice?.mode]).toEqual(['warned', 'warn']);
  });

  it('a dismissed site, a user outside the US and enforcement off show nothing, each for its reason', async () => {
    const page = request('www.amazon.com/kaspersky-premium.html', PRODUCT_URL);
    const shown = async () => {
      const plan = await decidePage(page, 'www.amazon.com');
      return [plan.report.action, plan.notice?.mode];
    };
    expect(await shown()).toEqual(['warned', 'warn']);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { dismissedSites: ['www.amazon.com'] } });
    expect(await shown()).toEqual(['dismissed', undefined]);
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    await storeContext({}, 'non-us');
    expect(await shown()).toEqual(['not-covered', undefined]);
    await storeContext({ enforcement: 'off' });
    expect(await shown()).toEqual(['off', undefined]);
  });

  it('a page about something else: no verdict, no notice, no messages', async () => {
    const plan = await decidePage(request('www.amazon.com/norton-360-deluxe.html', OTHER_URL), 'www.amazon.com');
    expect(plan).toEqual({ report: expect.objectContaining({ action: 'none', classification: expect.objectContaining({ verdict: 'none' }) }), markTiles: false });
  });

  it('the Kaspersky-active note comes once: the first notice carries it and marks it shown', async () => {
    const page = request('www.amazon.com/kaspersky-premium.html', PRODUCT_URL, { kasperskySeen: true });
    await recordKasperskyActive('www.amazon.com'); // the page check reports the sighting as it sees it (kban:kaspersky-active)
    expect((await decidePage(page, 'www.amazon.com')).notice?.words.kasperskyActive).toBeTruthy();
    expect((await readKasperskyActive())?.noticeShown).toBe(true);
    expect((await decidePage(page, 'www.amazon.com')).notice?.words.kasperskyActive, 'not a second time').toBeUndefined();
  });

  it('an unknown rule id decides nothing; the generic rule is classified by the generic classifier', async () => {
    const page = request('www.amazon.com/kaspersky-premium.html', PRODUCT_URL);
    expect((await decidePage({ ...page, ruleId: 'no-such-rule' }, 'www.amazon.com')).report.classification).toEqual({ verdict: 'none', reasons: ['no-site-rule'] });
    expect(ruleById(GENERIC_RULE.id)).toBe(GENERIC_RULE);
    const generic = await decidePage({ ...page, ruleId: GENERIC_RULE.id }, 'shop.example');
    expect(generic.report.classification, 'the generic classifier decides, not classify()').toEqual(classifyGeneric(page.signals, GENERIC_RULE));
    expect(generic.report.classification.reasons).not.toContain('generic-check-missing');
  });
});

describe('decideTiles', () => {
  it.each(LISTING_FIXTURES.filter((fixture) => ['staples', 'g2a', 'filehippo'].includes(fixture.rule!)).map((fixture) => [fixture.file, fixture] as const))(
    '%s: the listing asks for its tiles, and exactly the Kaspersky software tiles are marked',
    async (_file, fixture) => {
      const rule = findRule(new URL(fixture.url).hostname)!;
      const doc = loadPage(fixture.file, fixture.url);
      const plan = await decidePage({ type: 'kban:check', ruleId: rule.id, signals: collectSignals(doc, rule, fixture.url, READERS), checks: 1, kasperskySeen: false, previous: '' }, new URL(fixture.url).hostname);
      expect(plan.markTiles).toBe(true);
      expect(plan.badges, 'the badges come with their words').toEqual({ purchase: 'Kaspersky: not for sale in the US or to US persons', download: expect.any(String), explanation: expect.any(String) });
      const { tiles } = collectTiles(doc, rule);
      const answer = decideTiles({ type: 'kban:tiles', ruleId: rule.id, tiles, report: plan.report, previous: '' });
      expect(answer.marks).toHaveLength(fixture.items!);
      expect(answer.report).toMatchObject<Partial<PageReport>>({ action: 'listing', items: fixture.items });
    },
  );
});
