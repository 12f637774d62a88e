/**
 * What the extension did to a page, read from the page itself through the testing contract:
 * notice hosts carry `data-kban-verdict` / `data-kban-mode`, listing tiles `data-kban-item`.
 * Works with Playwright and puppeteer pages alike (`page.evaluate(readKbanState)`).
 * @module
 */

export interface NoticeState {
  tag: string;
  verdict: string | null;
  mode: string | null;
  /** The notice title (open shadow root), or null if unreadable. */
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

/**
 * Runs IN THE PAGE: keep it self-contained (no imports, no outer variables, no named inner functions).
 *
 * @example const state = await page.evaluate(readKbanState);
 */
export function readKbanState(): KbanState {
  const notices = Array.from(document.querySelectorAll('[data-kban-verdict]')).map((host) => {
    const root = host.shadowRoot;
    const rect = host.getBoundingClientRect();
    return {
      tag: host.localName,
      verdict: host.getAttribute('data-kban-verdict'),
      mode: host.getAttribute('data-kban-mode'),
      title: root?.querySelector('.title')?.textContent ?? null,
      text: root
        ? Array.from(root.children)
            .filter((child) => child.localName !== 'style')
            .map((child) => child.textContent ?? '')
            .join(' ')
        : null,
      visible: rect.width > 0 && rect.height > 0,
    };
  });
  const items = Array.from(document.querySelectorAll('[data-kban-item]')).map((tile) => tile.getAttribute('data-kban-item') ?? '');
  const touched = Array.from(document.querySelectorAll('*'))
    .filter((element) => element.localName.startsWith('kban-') || Array.from(element.attributes).some((attribute) => attribute.name.startsWith('data-kban-')))
    .map((element) => element.outerHTML.slice(0, 120));
  return { notices, items, touched, inert: !!document.body?.inert };
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
