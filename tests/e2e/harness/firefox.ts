/**
 * Launches Debian's firefox-esr (headless) through puppeteer-core over WebDriver BiDi — no
 * geckodriver — with the add-on installed as a temporary add-on. Firefox cannot remap hosts,
 * so a PAC script sends every host but 127.0.0.1 to the fixture server acting as a proxy.
 * Pitfalls: /work/shared/e2e.md step 4.
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server';
import { FIREFOX_EXTENSION_ID, firefoxExtensionDir } from './paths';

/** The browser binary; override with FIREFOX_BIN. */
export const FIREFOX_BIN = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
/** Fixed moz-extension:// uuid of the add-on, so its pages have a known URL. */
export const FIREFOX_EXTENSION_UUID = '6b0a4e1c-6b7a-4c1e-9f00-00000000cba0';

export interface FirefoxOptions {
  server: FixtureServer;
  /** Unpacked add-on; default: this run's snapshot of `.output/firefox-mv2`; `null` installs none (e.g. policy-installed). */
  extensionDir?: string | null;
  /** IANA zone (TZ of the browser process); default America/New_York. */
  timeZone?: string;
  /** UI/page language, e.g. `es`. */
  locale?: string;
  /** More prefs. */
  prefs?: Record<string, unknown>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id Firefox reports ('' without one). */
  extensionId: string;
  /** Opens `moz-extension://<uuid>/<page>`; wait on it with `waitForFunction` (goto never resolves there). */
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

/** Sends every host except the local machine to the fixture server (http as absolute-URI GET, https as CONNECT). */
export function pacScript(server: FixtureServer): string {
  return `function FindProxyForURL(url, host) {
  if (host === '127.0.0.1' || host === 'localhost') return 'DIRECT';
  return 'PROXY 127.0.0.1:${server.httpPort}';
}`;
}

/**
 * Launches Firefox ESR with the add-on.
 *
 * @example
 * const firefox = await launchFirefox({ server });
 * const page = await firefox.browser.newPage();
 */
export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxSession> {
  const { server, timeZone = 'America/New_York', locale } = options;
  const extensionDir = options.extensionDir === undefined ? firefoxExtensionDir() : options.extensionDir;
  const scratch = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-firefox-'));
  const profile = path.join(scratch, 'profile');
  const temp = path.join(scratch, 'tmp');
  mkdirSync(profile);
  mkdirSync(temp);
  const prefs: Record<string, unknown> = {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pacScript(server)).toString('base64')}`,
    'network.proxy.allow_hijacking_localhost': false,
    // Keep http:// on http (HTTPS-First would upgrade it).
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'dom.security.https_only_mode': false,
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
    ...(locale ? { 'intl.locale.requested': locale, 'intl.accept_languages': locale } : {}),
    ...options.prefs,
  };
  const env: Record<string, string> = { ...(process.env as Record<string, string>), TZ: timeZone, TMPDIR: temp };
  if (locale) env.LANGUAGE = locale.replace('-', '_');

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      userDataDir: profile,
      acceptInsecureCerts: true,
      extraPrefsFirefox: prefs,
      env,
      // Firefox >= 153 lets WebDriver open moz-extension:// pages only with this flag.
      args: ['--remote-allow-system-access'],
    });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  };
  let extensionId = '';
  if (extensionDir) {
    try {
      extensionId = await browser.installExtension(path.resolve(extensionDir));
    } catch (error) {
      await close();
      throw error;
    }
  }
  return {
    browser,
    extensionId,
    async openExtensionPage(page) {
      const tab = await browser.newPage();
      // The page loads, but BiDi never reports the navigation done: don't wait for it.
      await tab.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/${page.replace(/^\//, '')}`, { timeout: 1500 }).catch(() => {});
      return tab;
    },
    close,
  };
}
