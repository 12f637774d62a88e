// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.amazon.com/", "settings": {"disableJavaScriptEvaluation": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
/**
 * Drawing a plan on saved Amazon pages, with the real warning bar and the real listing code handed over the
 * way their scripts hand them over in the page check's isolated world.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtensionMessage, NoticeWords, PagePlan, PageReport, TilesPlan } from '@/components/core/messages';
import { POLICY_DEFAULTS } from '@/components/core/policy/policy';
import { findRule } from '@/components/core/site-rules';
import { LISTING_KEY, NOTICE_UI_KEY } from '@/components/core/site-rules/find-rule';
import { listing } from '@/entrypoints/listing/listing';
import { noticeRoot } from '@/entrypoints/notice/notice-parts';
import { noticeUi } from '@/entrypoints/notice/notice-ui';
import { createPlanDrawer, type CheckLoop } from '@/entrypoints/page-check/draw-plan';
import { createNoticeSlot } from '@/entrypoints/page-check/notice-slot';
import { showPage } from '../../fixtures/load-page';

const rule = findRule('www.amazon.com')!;
const scope = globalThis as unknown as Record<symbol, unknown>;

const report = (verdict: 'purchase' | 'none', items = 0): PageReport => ({
  url: location.href,
  classification: { verdict, ruleId: 'amazon', reasons: ['site:amazon'] },
  action: verdict === 'none' ? 'none' : 'warned',
  items,
});
const words = (extra: Partial<NoticeWords> = {}): NoticeWords => ({ title: 'Kaspersky: sale banned in the US', lead: 'What it means.', facts: 'The small print.', details: 'Details', ...extra });
const noticePlan = (noticeWords: NoticeWords): PagePlan => ({ report: report('purchase'), notice: { mode: 'warn', policy: { ...POLICY_DEFAULTS }, words: noticeWords }, markTiles: false });

/** A check loop that records what drawing asked of it; `answers` is what the background says to each message. */
function loop(answers: (message: ExtensionMessage) => unknown = () => undefined) {
  const sent: ExtensionMessage[] = [];
  const calls = { setReport: [] as PageReport[], readAgain: 0, checkNow: 0 };
  let valid = true;
  const checkLoop: CheckLoop = {
    rule,
    life: { isValid: () => valid, onInvalidated: () => undefined },
    slot: createNoticeSlot(rule),
    send: async (message) => {
      sent.push(message);
      return answers(message);
    },
    lastReportKey: () => 'previous-key',
    setReport: (next) => void calls.setReport.push(next),
    readAgain: () => void calls.readAgain++,
    checkNow: () => void calls.checkNow++,
  };
  return { checkLoop, sent, calls, removeExtension: () => void (valid = false) };
}

const notices = () => [...document.querySelectorAll('kban-notice')];
const noticeText = () => noticeRoot(notices()[0]!)?.textContent ?? '';

beforeEach(() => {
  delete scope[Symbol.for(NOTICE_UI_KEY)];
  delete scope[Symbol.for(LISTING_KEY)];
});
afterEach(() => vi.restoreAllMocks());

describe('drawing a plan with a notice', () => {
  beforeEach(() => showPage('www.amazon.com/kaspersky-premium.html'));

  it('puts one warning bar just before the product title and reports the plan', async () => {
    scope[Symbol.for(NOTICE_UI_KEY)] = noticeUi;
    const { checkLoop, calls } = loop();
    const plan = noticePlan(words());
    await createPlanDrawer(checkLoop).draw(plan);
    expect(notices()).toHaveLength(1);
    const host = notices()[0]!;
    expect([host.getAttribute('data-kban-verdict'), host.getAttribute('data-kban-mode')]).toEqual(['purchase', 'warn']);
    const heading = document.querySelector('#productTitle')?.closest('h1');
    expect(heading).toBeTruthy();
    expect(host.nextElementSibling, 'the bar goes just before the heading that holds #productTitle').toBe(heading);
    expect(noticeText()).toContain('Kaspersky: sale banned in the US');
    expect(calls.setReport).toEqual([plan.report]);
    expect(calls.readAgain).toBe(0);
  });

  it('without the warning bar\'s code, draws nothing, reports, and has the next check read the page again', async () => {
    const { checkLoop, calls } = loop();
    await createPlanDrawer(checkLoop).draw(noticePlan(words()));
    expect(notices()).toHaveLength(0);
    expect(calls.readAgain).toBe(1);
    expect(calls.setReport).toHaveLength(1);
  });

  it('keeps the one-time Kaspersky-active note when the notice is redrawn without it', async () => {
    scope[Symbol.for(NOTICE_UI_KEY)] = noticeUi;
    const { checkLoop } = loop();
    const drawer = createPlanDrawer(checkLoop);
    await drawer.draw(noticePlan(words({ kasperskyActive: 'Kaspersky appears to run on this computer.' })));
    await drawer.draw(noticePlan(words({ title: 'A redrawn title' })));
    expect(notices()).toHaveLength(1);
    expect(noticeText()).toContain('A redrawn title');
    expect(noticeText()).toContain('Kaspersky appears to run on this computer.');
  });

  it('takes the notice away when the plan has none, or once the extension is gone', async () => {
    scope[Symbol.for(NOTICE_UI_KEY)] = noticeUi;
    const { checkLoop, removeExtension } = loop();
    const drawer = createPlanDrawer(checkLoop);
    await drawer.draw(noticePlan(words()));
    await drawer.draw({ report: report('none'), markTiles: false });
    expect(notices()).toHaveLength(0);
    await drawer.draw(noticePlan(words()));
    expect(notices()).toHaveLength(1);
    removeExtension();
    await drawer.draw(noticePlan(words()));
    expect(notices()).toHaveLength(0);
  });
});

describe('drawing a plan that asks for the listing\'s tiles', () => {
  beforeEach(() => showPage('www.amazon.com/search-kaspersky.html'));
  const badges = { purchase: 'Sale banned in the US', download: 'Download banned in the US', explanation: 'Kaspersky product' };
  const tilesPlan: PagePlan = { report: report('none'), markTiles: true, badges };

  it('sends the tiles with the last report\'s key and marks those the background names, and only those', async () => {
    scope[Symbol.for(LISTING_KEY)] = listing;
    const answer: TilesPlan = { marks: [{ index: 0, kind: 'purchase' }, { index: 2, kind: 'download' }], report: report('none', 2) };
    const { checkLoop, sent, calls } = loop((message) => (message.type === 'kban:tiles' ? answer : undefined));
    const drawer = createPlanDrawer(checkLoop);
    await drawer.draw(tilesPlan);
    const request = sent[0];
    expect(request?.type).toBe('kban:tiles');
    if (request?.type !== 'kban:tiles') return;
    expect(request.previous).toBe('previous-key');
    expect(request.tiles.length).toBeGreaterThan(2);
    const tiles = [...document.querySelectorAll(rule.selectors!.tile!)];
    expect(tiles.map((tile) => tile.getAttribute('data-kban-item')).slice(0, 4)).toEqual(['purchase', null, 'download', null]);
    const badge = tiles[0]!.querySelector('kban-badge');
    expect(badge && drawer.isBadge(badge)).toBe(true);
    expect(drawer.isBadge(tiles[1]!), 'a tile is not a badge').toBe(false);
    expect(calls.setReport).toEqual([answer.report]);
  });

  it('knows each badge as its own by the time a MutationObserver sees it go in (so its insertion schedules no re-check)', async () => {
    scope[Symbol.for(LISTING_KEY)] = listing;
    const answer: TilesPlan = { marks: [{ index: 0, kind: 'purchase' }, { index: 1, kind: 'purchase' }], report: report('none', 2) };
    const drawer = createPlanDrawer(loop(() => answer).checkLoop);
    const seen: boolean[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'KBAN-BADGE') seen.push(drawer.isBadge(node));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    await drawer.draw(tilesPlan);
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(seen).toEqual([true, true]);
  });

  it('without the listing\'s code, sends nothing, reports nothing, and has the next check read the page again', async () => {
    const { checkLoop, sent, calls } = loop();
    await createPlanDrawer(checkLoop).draw(tilesPlan);
    expect(sent).toHaveLength(0);
    expect(calls.readAgain).toBe(1);
    expect(calls.setReport).toHaveLength(0);
  });

  it('marks nothing and keeps the last report when the background does not answer (it was restarting)', async () => {
    scope[Symbol.for(LISTING_KEY)] = listing;
    const { checkLoop, sent, calls } = loop();
    await createPlanDrawer(checkLoop).draw(tilesPlan);
    expect(sent).toHaveLength(1);
    expect(document.querySelectorAll('[data-kban-item]')).toHaveLength(0);
    expect(calls.setReport).toHaveLength(0);
  });
});
