/**
 * CPU load for proving the end-to-end suite does not flake: a second headless Chromium (no extension)
 * loading the benchmark's 1.5 MB product pages and the mutating page, in `--tabs` tabs at once, in a
 * loop, until stopped (SIGINT/SIGTERM) or `--seconds` pass. Prints how many pages it loaded.
 * It touches no policy file and takes no lock: it only competes for the CPU, the way another job would.
 *
 *   npx jiti tests/load/browser-load.ts [--tabs 2] [--seconds 0 (= until stopped)]
 *
 * tests/load/e2e-under-load.sh runs it beside the whole e2e suite.
 * @module
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildBenchPages } from '../bench/pages/bench-pages';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function main(): Promise<void> {
  const tabs = Math.max(1, option('tabs', 2));
  const seconds = option('seconds', 0);
  const pages = buildBenchPages();
  const server = http.createServer((request, response) => {
    const page = pages.find((candidate) => `/${candidate.id}` === request.url);
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page?.html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

  let stopping = false;
  let loads = 0;
  const stop = () => (stopping = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const until = seconds ? Date.now() + seconds * 1000 : Infinity;
  console.log(`[load] ${tabs} tab(s) loading ${pages.map((page) => page.id).join(', ')} (${(pages[0]!.bytes / 1048576).toFixed(1)} MB each) in a loop${seconds ? ` for ${seconds} s` : ' until stopped'}`);

  const loop = async (tab: number) => {
    const page = await browser.newPage();
    for (let i = tab; !stopping && Date.now() < until; i++) {
      const target = pages[i % pages.length]!;
      await page.goto(`${base}/${target.id}`, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
      // Layout and script work on the whole page, like a user scrolling it.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight)).catch(() => undefined);
      loads++;
    }
  };
  await Promise.all(Array.from({ length: tabs }, (_, tab) => loop(tab)));
  await browser.close();
  server.close();
  console.log(`[load] stopped after ${loads} page loads`);
}

main().catch((error: unknown) => {
  console.error('[load]', error);
  process.exit(1);
});
