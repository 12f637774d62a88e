/**
 * Enterprise policy in Firefox ESR: /etc/firefox/policies/policies.json from the documented
 * sample (docs/policies/firefox-policies.json), its `3rdparty` → `Extensions` → kban@kban.dev
 * section read through `storage.managed`. The sample's `ExtensionSettings` (install from the
 * organisation's server) is left out: the add-on is installed as a temporary add-on instead, since
 * an unsigned build cannot be policy-installed. Root only; the policy file is removed in afterAll.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { quietPeriod, readKbanState, waitUntil } from './harness/page-state';
import { FIREFOX_EXTENSION_ID, ROOT } from './harness/paths';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';
import { createPolicyFiles, describeAsRoot } from './harness/policy';

const SAMPLE = JSON.parse(readFileSync(path.join(ROOT, 'docs/policies/firefox-policies.json'), 'utf8')) as {
  policies: { ExtensionSettings: Record<string, unknown>; '3rdparty': { Extensions: Record<string, Record<string, unknown>> } };
};
const SAMPLE_POLICY = SAMPLE.policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID]!;
const REPORT_URL = SAMPLE_POLICY.reportUrl as string;
const PRODUCT_URL = 'https://www.amazon.com/dp/B0KBANFFX1';
const INSTALLER_URL = 'https://devbuilds.kaspersky-labs.com/devbuilds/KVRT/latest/full/KVRT.exe';

let server: FixtureServer;
let firefox: FirefoxSession | undefined;
const delivered: string[] = [];
const policies = createPolicyFiles();

describeAsRoot('enterprise policy in Firefox ESR (policies.json)', () => {
  beforeAll(async () => {
    expect(SAMPLE_POLICY, `docs/policies/firefox-policies.json has no 3rdparty section for ${FIREFOX_EXTENSION_ID}`).toBeDefined();
    server = await startFixtureServer([]);
    server.route(PRODUCT_URL, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
    server.route(INSTALLER_URL, { type: 'application/octet-stream', headers: { 'content-disposition': 'attachment; filename="KVRT.exe"' }, body: 'MZ' });
    server.route(REPORT_URL, {
      handler: (request, res) => {
        if (request.method === 'POST') delivered.push(request.body);
        res.writeHead(204, { 'access-control-allow-origin': '*' });
        res.end();
      },
    });
    const { ExtensionSettings: _install, ...rest } = SAMPLE.policies;
    policies.writeFirefox(rest);
    firefox = await launchFirefox({ server, timeZone: 'Europe/Berlin' });
  });

  afterAll(async () => {
    await firefox?.close();
    policies.restore();
    await server?.close();
  });

  it('takes region "us" and enforcement "block" from policies.json in a non-US time zone', async () => {
    const page = await firefox!.browser.newPage();
    await page.goto(PRODUCT_URL);
    await page.waitForSelector('kban-notice[data-kban-mode="block"][data-kban-verdict="purchase"]', { timeout: 15_000 });
    const state = await readKbanState(page);
    expect(state.inert, 'the page beneath the block screen is inert').toBe(true);
    expect(state.notices[0]!.text, 'the organisation name from policy is shown').toContain('ACME Corp');
    await page.close();
  });

  it('sends the report to the policy reportUrl', async () => {
    await waitUntil('a report at the endpoint', async () => delivered.length, (count) => count > 0, 15_000, 200).catch(() => undefined);
    expect(delivered.length, 'no report reached the endpoint').toBeGreaterThanOrEqual(1);
    expect(JSON.parse(delivered[0]!)).toMatchObject({ schema: 'kban.visit/1', verdict: 'purchase', action: 'blocked', site: 'www.amazon.com' });
  });

  it('stops installer downloads in block mode', async () => {
    const page = await firefox!.browser.newPage();
    const error = await page.goto(INSTALLER_URL, { timeout: 5_000 }).then(() => undefined, (caught: Error) => caught.message);
    await quietPeriod(500, 'an installer request Firefox let through would have reached the server by now');
    expect(server.requestsTo(INSTALLER_URL), `the installer request must not leave Firefox (goto: ${error ?? 'no error'})`).toEqual([]);
    await page.close();
  });
});

