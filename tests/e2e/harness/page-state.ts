/**
 * What the extension did to a page, read from the page itself through the testing contract:
 * notice hosts carry `data-kban-verdict` / `data-kban-mode`, listing tiles `data-kban-item`.
 * Works with Playwright and puppeteer pages alike (`await readKbanState(page)`). The notice's shadow
 * root is closed, so its text is read through the browser's debugging protocol (`inNotices`).
 * @module
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export interface NoticeState {
  tag: string;
  verdict: string | null;
  mode: string | null;
  /** The notice title (read inside the closed shadow root), or null if unreadable. */
  title: string | null;
  /** All visible text of the notice (styles left out). */
  text: string | null;
  /** Whether the host takes up space on the page. */
  visible: boolean;
}

export interface KbanState {
  notices: NoticeState[];
  /** `data-kban-item` values of marked listing tiles, in page order. */
  items: string[];
  /** Every element the extension touched: a kban-* element or any data-kban-* attribute. */
  touched: string[];
  /** `document.body.inert` (true while a block screen is up). */
  inert: boolean;
}

/** A Playwright (Chromium) or puppeteer (Firefox over BiDi) page. */
type AnyPage = PlaywrightPage | PuppeteerPage;

const isPlaywright = (page: AnyPage): page is PlaywrightPage => typeof (page as PlaywrightPage).context === 'function';

/**
 * Runs `fn(root, host, arg)` in the page for every notice host (`[data-kban-verdict]`, in document
 * order), with the host's shadow root handed in by the browser's debugging protocol: the notice's root
 * is closed, so page script (and `page.evaluate`) cannot reach it (e2e.md pitfall 12). Chromium: CDP
 * `DOM.describeNode({ pierce })` + `DOM.resolveNode`; Firefox: BiDi `includeShadowTree: 'all'`.
 * `fn` is serialised: keep it self-contained (no outer variables, no named inner functions); its
 * result must be JSON.
 *
 * @example const titles = await inNotices(page, (root) => root.querySelector('.title')?.textContent);
 */
export async function inNotices<T, A = undefined>(page: AnyPage, fn: (root: ShadowRoot | null, host: Element, arg: A) => T, arg?: A): Promise<Awaited<T>[]> {
  const call = `function (host, arg) { return Promise.resolve((${fn.toString()})(this, host, arg)).then((value) => JSON.stringify(value === undefined ? null : value)); }`;
  if (isPlaywright(page)) {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { result: list } = await cdp.send('Runtime.evaluate', { expression: 'Array.from(document.querySelectorAll("[data-kban-verdict]"))' });
      const { result: entries } = await cdp.send('Runtime.getProperties', { objectId: list.objectId!, ownProperties: true });
      const hosts = entries.filter((entry) => /^\d+$/.test(entry.name)).sort((a, b) => Number(a.name) - Number(b.name));
      const out: Awaited<T>[] = [];
      for (const entry of hosts) {
        const hostId = entry.value!.objectId!;
        const { node } = await cdp.send('DOM.describeNode', { objectId: hostId, depth: 1, pierce: true });
        const shadow = node.shadowRoots?.[0];
        const rootId = shadow ? (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object.objectId : undefined;
        // `this` is the shadow root (null when the host has none), then the host and the argument.
        const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
          functionDeclaration: rootId ? call : `function (host, arg) { return (${call}).call(null, host, arg); }`,
          objectId: rootId ?? hostId,
          arguments: [{ objectId: hostId }, { value: arg ?? null }],
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails) throw new Error(`inNotices: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        out.push(JSON.parse(String(result.value)) as Awaited<T>);
      }
      return out;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }
  // puppeteer over WebDriver BiDi: the frame's realm speaks raw BiDi.
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const send = (method: string, params: Record<string, unknown>) => realm.session.send(method, { ...params, target: realm.target });
  const listed = await send('script.callFunction', {
    functionDeclaration: '() => Array.from(document.querySelectorAll("[data-kban-verdict]"))',
    awaitPromise: false,
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const nodes = (listed.result.result as { value?: Array<{ sharedId: string; value?: { shadowRoot?: { sharedId: string } | null } }> }).value ?? [];
  const out: Awaited<T>[] = [];
  for (const node of nodes) {
    const shadow = node.value?.shadowRoot;
    const { result } = await send('script.callFunction', {
      // The argument travels as JSON text (BiDi has no plain-value channel here): parse it back before calling fn.
      functionDeclaration: `function (root, host, arg) { return (${call}).call(root, host, arg === null ? undefined : JSON.parse(arg)); }`,
      arguments: [shadow ? { sharedId: shadow.sharedId } : { type: 'null' }, { sharedId: node.sharedId }, arg === undefined ? { type: 'null' } : { type: 'string', value: JSON.stringify(arg) }],
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`inNotices: ${JSON.stringify(result.exceptionDetails).slice(0, 300)}`);
    out.push(JSON.parse(String((result.result as { value: unknown }).value)) as Awaited<T>);
  }
  return out;
}

interface BidiRealm {
  session: { send(method: string, params: Record<string, unknown>): Promise<{ result: { type: string; result?: unknown; exceptionDetails?: unknown } }> };
  target: unknown;
}

/**
 * Runs IN THE PAGE: keep it self-contained (no imports, no outer variables, no named inner functions).
 * Reads everything but the notices' inner text (their shadow roots are closed).
 */
export function readKbanDom(): KbanState {
  const notices = Array.from(document.querySelectorAll('[data-kban-verdict]')).map((host) => {
    const rect = host.getBoundingClientRect();
    return {
      tag: host.localName,
      verdict: host.getAttribute('data-kban-verdict'),
      mode: host.getAttribute('data-kban-mode'),
      title: null,
      text: null,
      visible: rect.width > 0 && rect.height > 0,
    };
  });
  const items = Array.from(document.querySelectorAll('[data-kban-item]')).map((tile) => tile.getAttribute('data-kban-item') ?? '');
  const touched = Array.from(document.querySelectorAll('*'))
    .filter((element) => element.localName.startsWith('kban-') || Array.from(element.attributes).some((attribute) => attribute.name.startsWith('data-kban-')))
    .map((element) => element.outerHTML.slice(0, 120));
  return { notices, items, touched, inert: !!document.body?.inert };
}

/**
 * What the extension did to the page: notices (with title and text read inside their closed shadow
 * roots through the debugging protocol), marked tiles, touched elements, `inert`.
 *
 * @example const state = await readKbanState(page);
 */
export async function readKbanState(page: AnyPage): Promise<KbanState> {
  const state = (await (page as PlaywrightPage).evaluate(readKbanDom)) as KbanState;
  const texts = await inNotices(page, (root) =>
    root
      ? {
          title: root.querySelector('.title, h2')?.textContent ?? null,
          text: Array.from(root.children)
            .filter((child) => child.localName !== 'style')
            .map((child) => child.textContent ?? '')
            .join(' '),
        }
      : { title: null, text: null },
  );
  state.notices.forEach((notice, index) => Object.assign(notice, texts[index] ?? {}));
  return state;
}

/**
 * Clicks the first element matching `selector` inside the (closed) notice, as a person does: a real
 * mouse click at its position, which the notice accepts (it ignores synthetic clicks).
 */
export async function clickInNotice(page: AnyPage, selector: string): Promise<void> {
  const [rect] = await inNotices(
    page,
    (root, _host, sel) => {
      const target = root?.querySelector<HTMLElement>(sel as string);
      if (!target) return null;
      target.scrollIntoView({ block: 'center' });
      const box = target.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    selector,
  );
  if (!rect) throw new Error(`clickInNotice: no ${selector} in the notice`);
  await page.mouse.click(rect.x, rect.y);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `done(value)` holds for `value = await read()`, polling every `interval` ms, and returns
 * that value; after `timeout` ms it throws, naming `what` and the last value read. Tests wait for the
 * condition they need with this, never for a fixed time: a loaded machine is slow, not wrong.
 *
 * @example const state = await waitUntil('one notice', () => page.evaluate(readKbanState), (s) => s.notices.length === 1);
 */
export async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeout = 10_000, interval = 100): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await sleep(interval);
  }
}

/**
 * The one deliberate fixed pause: before asserting that something did NOT happen (a late notice, a
 * request, a second badge), give it `ms` to happen. `what` says what would have happened by then.
 * A positive wait (something that must happen) uses `waitUntil` instead.
 */
export function quietPeriod(ms: number, what: string): Promise<void> {
  void what; // documents the call site; the pause itself is all it does
  return sleep(ms);
}
