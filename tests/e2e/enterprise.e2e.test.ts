/**
 * Enterprise deployment in real Chromium, set up the way an admin does it: machine policy in
 * /etc/chromium/policies/managed (docs/policies/chrome-linux.json, the documented sample), the
 * extension force-installed from a local update server as a CRX signed with a throwaway key made
 * here (never committed; the force-installed id derives from it). Root only; run under
 * `flock /tmp/kban-e2e.lock`. Every policy file written is removed in afterAll, even on failure.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import type { PageReport } from '@/components/core/messages';
import type { browser as extensionApi } from '@wxt-dev/browser';
import { parsePolicy } from '@/components/core/policy/policy';
import { downloadBlockRules } from '@/components/core/enterprise/download-rules';
import { activeTabReport, launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { quietPeriod, readKbanState, waitUntil } from './harness/page-state';
import { CHROME_EXTENSION_DIR, CHROME_EXTENSION_ID, ROOT } from './harness/paths';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';
import { createPolicyFiles, describeAsRoot } from './harness/policy';

declare const chrome: typeof extensionApi;

const SAMPLE = JSON.parse(readFileSync(path.join(ROOT, 'docs/policies/chrome-linux.json'), 'utf8')) as {
  ExtensionSettings: Record<string, Record<string, unknown>>;
  '3rdparty': { extensions: Record<string, Record<string, unknown>> };
};
const SAMPLE_POLICY = SAMPLE['3rdparty'].extensions[CHROME_EXTENSION_ID]!;
const REPORT_URL = SAMPLE_POLICY.reportUrl as string;
const PRODUCT_URL = 'https://www.amazon.com/dp/B0KBANENT1';
const INSTALLER_URL = 'https://products.s.kaspersky-labs.com/homeuser/kpremium/21.16/english-0.0.0/3131313131/kpremium21.16.6.470en_41025.exe';
const NON_US_ZONE = 'Europe/Berlin';

let server: FixtureServer;
let browser: ChromiumSession | undefined;
let work: string;
let extensionId: string;
let endpointUp = false;
const policies = createPolicyFiles();

/** A throwaway RSA key; returns its PEM path and the extension id Chromium derives from it. */
function throwawayKey(dir: string): { pem: string; id: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = path.join(dir, 'throwaway-key.pem');
  writeFileSync(pem, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const hash = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  const id = [...hash.slice(0, 32)].map((char) => String.fromCharCode(97 + Number.parseInt(char, 16))).join('');
  return { pem, id };
}

/** The documented sample, with the test's id and update URL, plus `overrides` of the extension's own policy. */
function samplePolicy(overrides: Record<string, unknown> = {}, replace = false): Record<string, unknown> {
  const settings = SAMPLE.ExtensionSettings[CHROME_EXTENSION_ID];
  expect(settings, `docs/policies/chrome-linux.json no longer force-installs ${CHROME_EXTENSION_ID}`).toBeDefined();
  return {
    // Lets the test reach the policy-installed extension's worker (e2e.md pitfall 3); not for production.
    DeveloperToolsAvailability: 1,
    ExtensionSettings: { [extensionId]: { ...settings, update_url: server.localUrl('/kban/updates.xml') } },
    '3rdparty': { extensions: { [extensionId]: replace ? overrides : { ...SAMPLE_POLICY, ...overrides } } },
  };
}

/** Polls `read` until `done` holds (or fails with `what`). */
function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeout = 20_000): Promise<T> {
  return waitUntil(what, read, done, timeout, 250);
}

/** The extension's current service worker (replaced when the extension restarts). */
let worker: Worker;
const storage = (area: 'local' | 'managed') => worker.evaluate((name) => chrome.storage[name].get(null), area) as Promise<Record<string, unknown>>;
const managed = () => storage('managed');
const dynamicRules = () => worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules()) as Promise<Array<{ id: number }>>;
/** What the content script did on `page` (asked through the current worker). */
const pageReport = (page: Page) =>
  until('the page report', async () => {
    await page.bringToFront();
    return (await activeTabReport(worker)).report;
  }, (report) => report?.url === page.url() && report.action !== 'none', 10_000);
const reportsDelivered = () => server.requestsTo(REPORT_URL).filter((request) => request.method === 'POST' && request.headers['x-delivered'] !== 'no');
const deliveredEvents = () => deliveredBodies.map((body) => JSON.parse(body) as Record<string, unknown>);
const deliveredBodies: string[] = [];

async function tryDownload(page: Page): Promise<'blocked' | 'reached'> {
  const before = server.requestsTo(INSTALLER_URL).length;
  const error = await page.goto(INSTALLER_URL).then(() => undefined, (caught: Error) => caught.message);
  await quietPeriod(300, 'a request the browser let through would have reached the server by now');
  if (server.requestsTo(INSTALLER_URL).length > before) return 'reached';
  expect(error ?? '', 'a blocked download fails in the browser').toMatch(/ERR_BLOCKED_BY_CLIENT/);
  return 'blocked';
}

describeAsRoot('enterprise policy in Chromium (force-installed)', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-enterprise-'));
    const key = throwawayKey(work);
    extensionId = key.id;
    // Pack a copy without the release `key`: the CRX signature (the throwaway key) decides the id.
    const unpacked = path.join(work, 'ext');
    cpSync(CHROME_EXTENSION_DIR, unpacked, { recursive: true });
    const manifestFile = path.join(unpacked, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    delete manifest.key;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const crx = path.join(work, 'kban.crx');
    execFileSync(path.join(ROOT, 'node_modules/.bin/crx3'), ['-p', key.pem, '-o', crx, '--', unpacked], { stdio: 'ignore' });

    server = await startFixtureServer([]);
    server.route(server.localUrl('/kban/updates.xml'), {
      type: 'application/xml',
      body: `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${extensionId}'><updatecheck codebase='${server.localUrl('/kban/kban.crx')}' version='${String(manifest.version)}' /></app>
</gupdate>`,
    }, { anyQuery: true });
    server.route(server.localUrl('/kban/kban.crx'), { type: 'application/x-chrome-extension', body: readFileSync(crx) });
    server.route(PRODUCT_URL, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
    server.route(INSTALLER_URL, {
      type: 'application/octet-stream',
      headers: { 'content-disposition': 'attachment; filename="kpremium.exe"' },
      body: Buffer.from('MZ not really an installer'),
    });
    // The admin's report endpoint: CORS-enabled; "down" drops the connection without an answer.
    server.route(REPORT_URL, {
      handler: (request, res) => {
        if (!endpointUp) {
          request.headers['x-delivered'] = 'no';
          res.socket?.destroy();
          return;
        }
        deliveredBodies.push(request.body);
        res.writeHead(204, { 'access-control-allow-origin': '*' });
        res.end();
      },
    });

    policies.writeChromium('enterprise', samplePolicy());
    browser = await launchChromium({ server, forceInstall: true, timeZone: NON_US_ZONE });
    worker = browser.worker!;
  });

  afterAll(async () => {
    await browser?.close();
    policies.restore();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('force-installs from the update server, with the id of the signing key', async () => {
    expect(browser!.extensionId, 'the id must derive from the throwaway signing key').toBe(extensionId);
    const self = (await worker.evaluate(() => chrome.management.getSelf())) as { installType: string };
    expect(self.installType, 'installed by policy').toBe('admin');
    expect(server.requests.some((request) => request.path.startsWith('/kban/kban.crx')), 'the CRX came from the local update server').toBe(true);
  });

  it('applies region "us" and enforcement "block" from policy in a non-US time zone', async () => {
    await until('the policy to reach storage.managed', managed, (policy) => policy.enforcement === 'block');
    const page = await browser!.context.newPage();
    await page.goto(PRODUCT_URL);
    const report = await pageReport(page);
    expect(report?.action, 'region "us" covers a user in Berlin; block mode blocks').toBe('blocked');
    await page.locator('kban-notice[data-kban-mode="block"][data-kban-verdict="purchase"]').waitFor({ state: 'attached' });
    const state = await readKbanState(page);
    expect(state.inert, 'the page beneath the block screen is inert').toBe(true);
    expect(state.notices[0]!.text).toContain('ACME Corp');
    expect(state.notices[0]!.text).toContain(String(SAMPLE_POLICY.supportMessage));
    // A page script that removes the block screen gets it back.
    await page.evaluate(() => document.querySelector('kban-notice')?.remove());
    await page.locator('kban-notice[data-kban-mode="block"]').waitFor({ state: 'attached', timeout: 3_000 });
    // Nor can it be hidden, or the page beneath be made usable again.
    await page.evaluate(() => {
      document.body.inert = false;
      document.querySelector('kban-notice')?.setAttribute('style', 'display:none !important');
    });
    const after = await until('the block screen visible over an inert page again', () => readKbanState(page), (state) => state.inert && !!state.notices[0]?.visible, 5_000).catch(() => readKbanState(page));
    expect(after.inert, 'inert restored').toBe(true);
    expect(after.notices[0]?.visible, 'block screen visible again').toBe(true);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id ?? ''), 'Tab must not reach the page beneath').not.toBe('add-to-cart-button');
    await page.close();
  });

  it('stops installer downloads from Kaspersky download hosts in block mode', async () => {
    const installed = await until('the download rules', dynamicRules, (rules) => rules.length > 0);
    expect(installed.map((rule) => rule.id).sort(), 'Chromium must accept every rule (RE2 limits)').toEqual(downloadBlockRules().map((rule) => rule.id).sort());
    const page = await browser!.context.newPage();
    expect(await tryDownload(page), 'the installer request must never leave the browser').toBe('blocked');
    await page.close();
  });

  it('queues reports while the endpoint is down and delivers them when it is back', async () => {
    await until('a delivery attempt to the down endpoint', async () => server.requestsTo(REPORT_URL).length, (count) => count >= 1);
    const queued = await until('the event to be queued in storage.local', () => storage('local'), (local) => ((local.reportQueue as { items?: unknown[] })?.items?.length ?? 0) >= 1);
    expect((queued.reportQueue as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(1);
    await until('a retry', async () => server.requestsTo(REPORT_URL).length, (count) => count >= 2, 15_000);

    // The extension restarts (as on a browser restart) while the endpoint is still down: nothing is lost.
    const old = worker;
    const restarted = browser!.context.waitForEvent('serviceworker', { predicate: (candidate) => candidate.url().includes(extensionId), timeout: 20_000 });
    await old.evaluate(() => chrome.runtime.reload()).catch(() => {});
    worker = await restarted;
    const afterRestart = await storage('local');
    expect((afterRestart.reportQueue as { items: unknown[] }).items.length, 'the queue survives a restart').toBeGreaterThanOrEqual(1);

    endpointUp = true;
    await until('delivery once the endpoint is back', async () => deliveredBodies.length, (count) => count >= 1, 40_000);
    const event = deliveredEvents().find((candidate) => candidate.action === 'blocked');
    expect(event, `delivered: ${deliveredBodies.join('\n')}`).toMatchObject({
      schema: 'kban.visit/1',
      verdict: 'purchase',
      site: 'www.amazon.com',
      action: 'blocked',
      extensionVersion: expect.any(String),
    });
    expect(event, 'reportPageUrl is false in the sample: no page URL').not.toHaveProperty('url');
    expect(new Set(deliveredEvents().map((candidate) => candidate.id)).size, 'each event is delivered once').toBe(deliveredBodies.length);
    await until('an empty queue', () => storage('local'), (local) => (local.reportQueue as { items: unknown[] }).items.length === 0);
    expect(reportsDelivered().length).toBeGreaterThanOrEqual(1);
  });

  it('applies a policy change while running, without a restart', async () => {
    policies.writeChromium('enterprise', samplePolicy({ enforcement: 'warn', reportPageUrl: true }));
    // Chromium re-reads policy files a few seconds after they settle.
    await until('the changed policy', managed, (policy) => policy.enforcement === 'warn', 45_000);
    await until('the download rules to go', dynamicRules, (rules) => rules.length === 0);
    const page = await browser!.context.newPage();
    expect(await tryDownload(page), 'warn mode does not block downloads').toBe('reached');
    await page.goto(PRODUCT_URL);
    expect((await pageReport(page))?.action).toBe('warned');
    await page.locator('kban-notice[data-kban-mode="warn"]').waitFor({ state: 'attached' });
    const event = await until('the warned visit report', async () => deliveredEvents().find((candidate) => candidate.action === 'warned'), Boolean);
    expect(event!.url, 'reportPageUrl: true adds the page URL').toBe(PRODUCT_URL);
    await page.close();
  });

  it('ignores garbage policy values, falls back, and says so on the options page', async () => {
    const garbage = { enforcement: 'maybe', region: 'everywhere', proceedMinutes: 5000, supportUrl: 'javascript:alert(1)', colour: 'red', allowProceed: 'yes', organizationName: 'ACME Corp' };
    policies.writeChromium('enterprise', samplePolicy(garbage, true));
    const delivered = await until('the garbage policy', managed, (policy) => policy.enforcement === 'maybe', 45_000);
    // Chromium itself drops unknown keys and wrong types (schema types); the rest is the extension's job.
    expect(delivered).not.toHaveProperty('colour');
    expect(parsePolicy(delivered).problems.map((problem) => problem.key).sort()).toEqual(['enforcement', 'proceedMinutes', 'region', 'supportUrl']);
    await until('the download rules to stay off', dynamicRules, (rules) => rules.length === 0);

    const page = await browser!.context.newPage();
    await page.goto(PRODUCT_URL);
    expect((await pageReport(page))?.action, 'invalid region is ignored: Berlin falls back to not covered').toBe('not-covered');
    const options = await browser!.openExtensionPage('options.html');
    const problems = options.getByTestId('policy-problems');
    await problems.waitFor({ timeout: 10_000 });
    const text = await problems.textContent();
    for (const key of ['enforcement', 'region', 'proceedMinutes', 'supportUrl']) expect(text, `the options page must name ${key}`).toContain(key);
    await options.close();
    await page.close();
  });
});

