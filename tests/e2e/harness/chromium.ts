/**
 * Launches Debian's Chromium (headless, through playwright-core) with the extension, and with
 * every http/https host mapped to the fixture server, so pages load at their real URLs.
 * Flags and pitfalls: /work/shared/e2e.md (step 2, step 3b).
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { browser as extensionApi } from '@wxt-dev/browser';
import type { PageReport } from '@/components/core/messages';
import { PAGE_CHECK_API_KEY } from '../../../components/core/site-rules/find-rule';
import type { FixtureServer } from './fixture-server';
import { sleep } from './page-state';
import { CHROME_EXTENSION_ID, chromeExtensionDir } from './paths';

/**
 * The type of the `chrome` global in extension pages and the service worker, for code passed to
 * `evaluate`. In a test file: `declare const chrome: ChromeApi;` (no global declaration, so app code
 * keeps using `browser`).
 */
export type ChromeApi = typeof extensionApi;
declare const chrome: ChromeApi;

/** The browser binary; override with CHROMIUM_BIN. */
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

export interface ChromiumOptions {
  /** Serves every page; all hosts on :80/:443 are mapped to it. */
  server: FixtureServer;
  /** Unpacked extension to load; default: this run's snapshot of `.output/chrome-mv3`; `null` loads none. */
  extensionDir?: string | null;
  /** IANA zone for the browser process (TZ); default America/New_York (a covered user). */
  timeZone?: string;
  /** UI language, e.g. `es` (sets --lang, LANGUAGE and the page locale); default `en-US`. */
  locale?: string;
  /**
   * Policy force-install instead of --load-extension: keeps the extension updater alive
   * (no --disable-background-networking) and lets Chromium install from the policy's update URL.
   * Write the policy (see policy.ts) before launching.
   */
  forceInstall?: boolean;
  /** How long to wait for the extension's service worker (ms); default 15 s (30 s for force-install). */
  workerTimeout?: number;
  /** More command-line flags. */
  args?: string[];
}

export interface ChromiumSession {
  context: BrowserContext;
  /** The extension id as Chromium reports it (from the service worker URL); '' without an extension. */
  extensionId: string;
  /** The extension's service worker (undefined without an extension). */
  worker?: Worker;
  /** Opens `chrome-extension://<id>/<page>` (e.g. `popup.html?tab=1`) in a new tab. */
  openExtensionPage(page: string): Promise<Page>;
  /** Reads the extension's storage area from its service worker. */
  storage(area: 'local' | 'sync' | 'session' | 'managed'): Promise<Record<string, unknown>>;
  /**
   * Asks the page check in `page` what it decided and did (`activeTabReport`), waiting up to
   * `timeout` ms for a report about the page's current URL. Undefined: no content script there
   * (a host no rule covers) or it has not finished.
   */
  pageReport(page: Page, timeout?: number): Promise<PageReport | undefined>;
  /**
   * What kban's script in the top frame of the tab at `url` says of itself, read in its isolated world:
   * the first stage `'watching'` → `'asked'`, the page check `'waiting'` → `'checking'`; undefined where it is not.
   */
  scriptState(url: string, script: 'first-stage' | 'page-check'): Promise<unknown>;
  /** Closes the browser and deletes its profile and temp files. */
  close(): Promise<void>;
}

/** Host-resolver rules: every host's port 80 to the http port, 443 to the https port. 127.0.0.1 stays itself. */
export function hostResolverRules(server: FixtureServer): string {
  return `MAP *:80 127.0.0.1:${server.httpPort}, MAP *:443 127.0.0.1:${server.httpsPort}`;
}

/**
 * Launches Chromium with the extension.
 *
 * @example
 * const browser = await launchChromium({ server, timeZone: 'Europe/Berlin' });
 * const page = await browser.context.newPage();
 * await page.goto('https://www.amazon.com/dp/B0TEST0001');
 */
export async function launchChromium(options: ChromiumOptions): Promise<ChromiumSession> {
  const { server, timeZone = 'America/New_York', locale, forceInstall = false } = options;
  const extensionDir = forceInstall ? null : options.extensionDir === undefined ? chromeExtensionDir() : options.extensionDir;
  const scratch = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-chromium-'));
  const profile = path.join(scratch, 'profile');
  const temp = path.join(scratch, 'tmp'); // Chromium's own temp files (org.chromium.*) land here, and go with it
  mkdirSync(temp);
  const flags = BASE_FLAGS.filter((flag) => !(forceInstall && flag === '--disable-background-networking'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), TZ: timeZone, TMPDIR: temp };
  if (locale) env.LANGUAGE = locale.replace('-', '_');

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BIN,
      // Headless mode keeps the browser's own UI language at en-US whatever --lang says; pages then only get
      // Playwright's per-page locale emulation, which the service worker never sees and which can come after a
      // page's first script. A headful browser on Ozone's headless platform (no display needed) honours --lang.
      headless: !locale,
      ignoreHTTPSErrors: true,
      env,
      locale: locale ?? 'en-US',
      viewport: { width: 1100, height: 800 },
      // Force-install needs Playwright's --disable-extensions and --disable-background-networking gone (e2e.md pitfalls 1, 2).
      ...(forceInstall ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] } : {}),
      args: [
        ...flags,
        `--host-resolver-rules=${hostResolverRules(server)}`,
        ...(locale ? [`--lang=${locale}`, '--ozone-platform=headless'] : []),
        ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
        ...(options.args ?? []),
      ],
    });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }

  const close = async () => {
    await context.close().catch(() => {});
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  };

  let worker: Worker | undefined;
  if (extensionDir || forceInstall) {
    const isExtensionWorker = (candidate: Worker) => candidate.url().startsWith('chrome-extension://');
    try {
      worker =
        context.serviceWorkers().find(isExtensionWorker) ??
        (await context.waitForEvent('serviceworker', {
          predicate: isExtensionWorker,
          timeout: options.workerTimeout ?? (forceInstall ? 30_000 : 15_000),
        }));
    } catch (error) {
      await close();
      throw new Error(`The extension's service worker never started (${forceInstall ? 'force-install: check the policy and update URL' : extensionDir}): ${String(error)}`);
    }
  }
  const extensionId = worker ? new URL(worker.url()).host : '';

  const scriptState: ChromiumSession['scriptState'] = async (url, script) => {
    if (!worker) throw new Error('No extension loaded');
    return worker.evaluate(
      async ({ url, key }) => {
        const tabs = (await chrome.tabs.query({})).filter((candidate) => candidate.url === url);
        const tab = tabs.find((candidate) => candidate.active) ?? tabs[0];
        if (tab?.id === undefined) return undefined;
        const read = (symbolKey: string) => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(symbolKey)];
        // injectImmediately: a loading page is not idle, and the state is wanted while it loads.
        const [frame] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: read, args: [key], injectImmediately: true }).catch(() => []);
        return frame?.result;
      },
      { url, key: `kban.${script}` },
    );
  };

  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(page) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page.replace(/^\//, '')}`);
      return tab;
    },
    async storage(area) {
      if (!worker) throw new Error('No extension loaded');
      return worker.evaluate((name) => chrome.storage[name].get(null), area) as Promise<Record<string, unknown>>;
    },
    async pageReport(page, timeout = 5_000) {
      if (!worker) throw new Error('No extension loaded');
      await page.bringToFront(); // the report is asked of the active tab
      const deadline = Date.now() + timeout;
      for (;;) {
        const answer = await activeTabReport(worker);
        if (answer.report && answer.report.url === page.url()) return answer.report;
        // Once the page has loaded, document_end scripts are in and the first stage has run its first test.
        // No page check and none asked for means no rule covers the host, or the page is not Kaspersky's; a
        // first stage that has asked means it is on its way (on a slow machine it can land after `load`).
        if (answer.absent && (await page.evaluate(() => document.readyState)) === 'complete' && (await scriptState(page.url(), 'first-stage')) !== 'asked') return undefined;
        if (Date.now() > deadline) return undefined;
        await sleep(100);
      }
    },
    scriptState,
    close,
  };
}

export { CHROME_EXTENSION_ID };

/**
 * What the page check in the active tab's top frame reported, asked from the extension's service worker the
 * way the popup asks (components/platform/page-check-loader.ts): a function run in the page check's isolated
 * world calls its `report()`. `absent`: no page check there; `report` null: none yet.
 */
export function activeTabReport(worker: Worker): Promise<{ absent: boolean; report: PageReport | null }> {
  return worker.evaluate(async (key) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return { absent: false, report: null };
    const read = (symbolKey: string) => {
      const api = (globalThis as unknown as Record<symbol, { report(): unknown } | undefined>)[Symbol.for(symbolKey)];
      return api ? { absent: false, report: api.report() ?? null } : { absent: true, report: null };
    };
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: read, args: [key], injectImmediately: true }).catch(() => []);
    return (frame?.result as { absent: boolean; report: PageReport | null } | undefined) ?? { absent: true, report: null };
  }, PAGE_CHECK_API_KEY);
}
