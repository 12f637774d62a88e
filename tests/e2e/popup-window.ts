/**
 * The real toolbar popup in end-to-end tests: the service worker calls `chrome.action.openPopup()`,
 * and the popup's target is driven over CDP (Playwright does not attach to popup windows).
 * Also: axe-core for any Playwright page, and the toolbar badge of a tab.
 * @module
 */
import { writeFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from '@wxt-dev/browser';
import type { ChromiumSession } from './harness/chromium';
import { waitUntil } from './harness/page-state';

declare const chrome: typeof extensionApi;

/** The open toolbar popup. */
export interface PopupWindow {
  /** Evaluates an expression in the popup (promises are awaited, the value is returned as JSON). */
  evaluate<T>(expression: string): Promise<T>;
  /** `prefers-color-scheme` for the popup. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Writes a PNG of the whole popup, including what is scrolled out of view. */
  screenshot(file: string): Promise<void>;
  /** axe-core violations in the popup, as `rule: help (targets)` lines. */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

type CdpSession = {
  send(method: string, params?: Record<string, unknown>): Promise<any>;
  on(event: string, listener: (params: any) => void): void;
  detach(): Promise<void>;
};

const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))`;

/**
 * Opens the toolbar popup for the active tab of the focused window and waits until it has
 * asked the tab about its page (`[data-page-state]` is present). Given `page`, first brings it to the
 * front and waits until the browser reports it as that tab: a new page's focus can lag on a loaded
 * machine, and the popup would then ask another tab.
 */
export async function openToolbarPopup(session: ChromiumSession, page?: Page): Promise<PopupWindow> {
  const browser = session.context.browser();
  if (!browser || !session.worker) throw new Error('openToolbarPopup needs a browser with the extension loaded');
  if (page) {
    await page.bringToFront();
    const url = page.url();
    const active = () => session.worker!.evaluate(async pageUrl => (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).some(tab => tab.url === pageUrl), url);
    await waitUntil(`${url} as the active tab`, active, isActive => isActive);
  }
  const cdp = (await browser.newBrowserCDPSession()) as unknown as CdpSession;
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  const before = new Set<string>(((await cdp.send('Target.getTargets')).targetInfos as Array<{ targetId: string; url: string }>).filter(t => t.url === popupUrl).map(t => t.targetId));
  await session.worker.evaluate(() => chrome.action.openPopup());

  let targetId: string | undefined;
  for (let i = 0; i < 50 && !targetId; i++) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string; type: string }> };
    targetId = targetInfos.find(t => t.url === popupUrl && t.type === 'page' && !before.has(t.targetId))?.targetId;
    if (!targetId) await new Promise(resolve => setTimeout(resolve, 100));
  }
  if (!targetId) throw new Error('the toolbar popup did not open');

  // Non-flat session: messages to the popup go through Target.sendMessageToTarget.
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', event => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = message.id && pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${message.error.message}`));
    else waiter.resolve(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<any>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const evaluate = async <T,>(expression: string): Promise<T> => {
    const result = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`in popup: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  };

  for (let i = 0; i < 100; i++) {
    const ready = await evaluate<boolean>(`document.readyState === 'complete' && !!document.querySelector('[data-page-state]')`).catch(() => false);
    if (ready) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }

  return {
    evaluate,
    async setColorScheme(scheme) {
      await call('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    },
    async screenshot(file) {
      // A popup's viewport can't be resized or captured beyond its edge (tiles repeat), so scroll
      // through it, capture each screen, and let the popup itself stitch them on a canvas.
      const { width, height, view } = await evaluate<{ width: number; height: number; view: number }>(
        `({ width: document.documentElement.clientWidth, height: document.documentElement.scrollHeight, view: innerHeight })`,
      );
      const segments: Array<{ y: number; data: string }> = [];
      for (let top = 0; ; top += view) {
        const y = await evaluate<number>(
          `new Promise(resolve => { scrollTo(0, ${top}); requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY))); })`,
        );
        const shot = await call('Page.captureScreenshot', { format: 'png' });
        segments.push({ y, data: shot.data as string });
        if (y + view >= height) break;
      }
      await evaluate<void>(`scrollTo(0, 0)`);
      const stitched = await evaluate<string>(`(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = ${width};
        canvas.height = ${height};
        const context = canvas.getContext('2d');
        for (const segment of ${JSON.stringify(segments)}) {
          const image = new Image();
          image.src = 'data:image/png;base64,' + segment.data;
          await image.decode();
          context.drawImage(image, 0, 0, ${width}, image.height, 0, segment.y, ${width}, image.height);
        }
        return canvas.toDataURL('image/png').split(',')[1];
      })()`);
      writeFileSync(file, Buffer.from(stitched, 'base64'));
    },
    async axe() {
      await evaluate<void>(`${axe.source}; void 0`);
      return evaluate<string[]>(AXE_RUN);
    },
    async close() {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}

/** axe-core violations in a Playwright page, as `rule: help (targets)` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, so the extension pages' CSP (no inline scripts) does not apply.
  await page.evaluate(`${axe.source}; void 0`);
  return page.evaluate(AXE_RUN) as Promise<string[]>;
}

/** The extension's tab id of a Playwright page (it must be the active tab of its window). */
export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const id = await session.worker!.evaluate(async pageUrl => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.find(tab => tab.url === pageUrl || tab.pendingUrl === pageUrl)?.id ?? tabs[0]?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** The toolbar badge text of a tab. */
export async function badgeText(session: ChromiumSession, tabId: number): Promise<string> {
  return session.worker!.evaluate(id => chrome.action.getBadgeText({ tabId: id }), tabId);
}
