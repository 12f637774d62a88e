/**
 * The release step's self-hosted packages, installed the way an admin deploys them (root only):
 * `npm run release` (scripts/release.ts, here with --no-build on this run's fresh build) packs the
 * CRX, updates.xml, the XPI and updates.json for a local "software server"; then
 * - Chromium force-installs the CRX through machine policy from that updates.xml, and the installed
 *   extension flags a Kaspersky page;
 * - Firefox ESR installs the XPI through policies.json ExtensionSettings (install_url file://; ESR
 *   takes unsigned add-ons with xpinstall.signatures.required=false), and it flags the page too.
 * The CRX is signed with a throwaway key made here (--allow-other-key: the release key stays off this
 * machine's tests), so its id is that key's. Every policy file written is removed in afterAll.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionIdFromPrivateKey } from '../../scripts/release-files';
import { launchChromium, type ChromeApi } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { readKbanState, waitUntil } from './harness/page-state';
import { FIREFOX_EXTENSION_ID, ROOT } from './harness/paths';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';
import { createPolicyFiles, describeAsRoot } from './harness/policy';

declare const chrome: ChromeApi;

const PRODUCT_URL = 'https://www.amazon.com/dp/B0KBANREL1';
/**
 * The software server, at an https address (both browsers send every host to the fixture server):
 * Firefox refuses to install an unsigned add-on whose update_url is not https.
 */
const BASE = 'https://software.kban-e2e.example/kban/';
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let server: FixtureServer;
let work: string;
let out: string;
let keyId: string;
const policies = createPolicyFiles();

describeAsRoot('self-hosted release packages (npm run release)', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-release-'));
    out = path.join(work, 'release');
    const pem = path.join(work, 'throwaway-key.pem');
    writeFileSync(pem, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    keyId = extensionIdFromPrivateKey(readFileSync(pem, 'utf8'));

    server = await startFixtureServer([]);
    execFileSync(path.join(ROOT, 'node_modules/.bin/jiti'), ['scripts/release.ts', '--no-build', '--allow-other-key', '--base-url', BASE, '--out', out], {
      cwd: ROOT,
      env: { ...process.env, KBAN_SIGNING_KEY: pem, KBAN_SIGNING_KEY_PEM: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // The software server: exactly the files the release step wrote, at the URLs its manifests name.
    for (const [file, type] of [
      ['updates.xml', 'application/xml'],
      [`kban-${VERSION}.crx`, 'application/x-chrome-extension'],
      ['updates.json', 'application/json'],
      [`kban-${VERSION}.xpi`, 'application/x-xpinstall'],
    ] as const) {
      server.route(`${BASE}${file}`, { type, body: readFileSync(path.join(out, file)) }, { anyQuery: true });
    }
    server.route(PRODUCT_URL, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
  });

  afterAll(async () => {
    policies.restore();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes update manifests that name the packages and this version', () => {
    const xml = readFileSync(path.join(out, 'updates.xml'), 'utf8');
    expect(xml).toContain(`appid='${keyId}'`);
    expect(xml).toContain(`codebase='${BASE}kban-${VERSION}.crx' version='${VERSION}'`);
    const json = JSON.parse(readFileSync(path.join(out, 'updates.json'), 'utf8')) as { addons: Record<string, { updates: Array<{ version: string; update_link: string }> }> };
    expect(json.addons[FIREFOX_EXTENSION_ID]?.updates).toEqual([{ version: VERSION, update_link: `${BASE}kban-${VERSION}.xpi` }]);
    const sums = readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
    for (const file of ['updates.xml', 'updates.json', `kban-${VERSION}.crx`, `kban-${VERSION}.xpi`]) expect(sums, `SHA256SUMS lists ${file}`).toMatch(new RegExp(`^[0-9a-f]{64}  ${file.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('Chromium force-installs the CRX from its updates.xml, and it flags a Kaspersky page', async () => {
    policies.writeChromium('release', {
      DeveloperToolsAvailability: 1, // lets the test reach the policy-installed extension's worker; not for production
      ExtensionSettings: { [keyId]: { installation_mode: 'force_installed', update_url: `${BASE}updates.xml` } },
    });
    const browser = await launchChromium({ server, forceInstall: true });
    try {
      expect(browser.extensionId, 'the installed id is the signing key\'s').toBe(keyId);
      expect(await browser.worker!.evaluate(() => chrome.runtime.getManifest().version)).toBe(VERSION);
      expect(server.requestsTo(`${BASE}kban-${VERSION}.crx`).length, 'the CRX came from the URL in updates.xml').toBeGreaterThan(0);
      const page = await browser.context.newPage();
      await page.goto(PRODUCT_URL);
      const state = await waitUntil('a notice from the installed CRX', () => readKbanState(page), (seen) => seen.notices.length > 0, 15_000);
      expect(state.notices.map((notice) => notice.verdict)).toEqual(['purchase']);
    } finally {
      await browser.close();
    }
  });

  it('Firefox ESR installs the XPI through policies.json, and it flags a Kaspersky page', async () => {
    const xpi = path.join(out, `kban-${VERSION}.xpi`);
    policies.writeFirefox({
      ExtensionSettings: { [FIREFOX_EXTENSION_ID]: { installation_mode: 'force_installed', install_url: `file://${xpi}` } },
    });
    // ESR (not release Firefox) installs unsigned add-ons with this pref; a published XPI is signed by Mozilla.
    const firefox = await launchFirefox({ server, extensionDir: null, prefs: { 'xpinstall.signatures.required': false } });
    try {
      const page = await firefox.browser.newPage();
      // The policy installs the add-on while Firefox starts: load the page until its content script has run.
      const state = await waitUntil(
        'a notice from the policy-installed XPI',
        async () => {
          await page.goto(PRODUCT_URL);
          return page
            .waitForSelector('kban-notice', { timeout: 3_000 })
            .then(() => readKbanState(page))
            .catch(() => readKbanState(page));
        },
        (seen) => seen.notices.length > 0,
        30_000,
        500,
      );
      expect(state.notices.map((notice) => notice.verdict)).toEqual(['purchase']);
    } finally {
      await firefox.close();
    }
  });
});
