/**
 * The harness itself: what other end-to-end tests rely on (routing by Host + path + query,
 * 404 for the unknown, request recording, the proxy used by Firefox, time zone and locale).
 */
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages/index';
import SPANISH from '../../public/_locales/es/messages.json';
import { CHROME_EXTENSION_ID, launchChromium, type ChromeApi } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';

declare const chrome: ChromeApi;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('https://www.example.com/page?x=1', { body: 'one' });
  server.route('https://www.example.com/page?x=2', { body: 'two' });
  server.route('https://www.example.com/update', { body: 'any query', type: 'text/plain' }, { anyQuery: true });
  server.route('https://www.example.com/report', {
    handler: (_request, res) => {
      res.writeHead(204);
      res.end();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

/** A plain-http request to the server's http port, optionally as a proxy (absolute URI). */
function get(path: string, host: string, options: { method?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.httpPort, path, method: options.method ?? 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('fixture server', () => {
  it('serves by Host + path + query, 404 otherwise', async () => {
    expect(await get('/page?x=1', 'www.example.com')).toEqual({ status: 200, body: 'one' });
    expect(await get('/page?x=2', 'www.example.com')).toEqual({ status: 200, body: 'two' });
    expect((await get('/page?x=3', 'www.example.com')).status).toBe(404);
    expect((await get('/page?x=1', 'other.example.com')).status).toBe(404);
    expect((await get('/update?v=9&id=abc', 'www.example.com')).body).toBe('any query');
  });

  it('serves every PAGE_FIXTURES entry at its URL', async () => {
    for (const fixture of PAGE_FIXTURES) {
      const url = new URL(fixture.url);
      expect((await get(`${url.pathname}${url.search}`, url.host)).status, fixture.url).toBe(200);
    }
  });

  it('records requests with their bodies', async () => {
    await get('/report', 'www.example.com', { method: 'POST', body: '{"wrong":"verdict"}' });
    const [report] = server.requestsTo('https://www.example.com/report');
    expect(report).toMatchObject({ method: 'POST', body: '{"wrong":"verdict"}', matched: true });
  });

  it('is an http proxy (absolute URI) and tunnels CONNECT to https', async () => {
    expect(await get('http://www.example.com/page?x=1', 'www.example.com')).toEqual({ status: 200, body: 'one' });
    const body = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.httpPort, '127.0.0.1', () => socket.write('CONNECT www.example.com:443 HTTP/1.1\r\nHost: www.example.com:443\r\n\r\n'));
      socket.once('data', (chunk) => {
        expect(chunk.toString()).toMatch(/^HTTP\/1\.1 200/);
        const secure = tls.connect({ socket, servername: 'www.example.com', rejectUnauthorized: false }, () =>
          secure.write('GET /page?x=2 HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n'),
        );
        let text = '';
        secure.on('data', (data) => (text += data));
        secure.on('end', () => resolve(text));
        secure.on('error', reject);
      });
      socket.on('error', reject);
    });
    expect(body).toMatch(/\r\n\r\ntwo$/);
  });
});

describe('Chromium launcher', () => {
  it('loads the extension under its fixed id, with the requested time zone and language', async () => {
    const browser = await launchChromium({ server, timeZone: 'America/Chicago', locale: 'es' });
    try {
      expect(browser.extensionId, 'the manifest key in wxt.config.ts should fix the id').toBe(CHROME_EXTENSION_ID);
      const { zone, name } = await browser.worker!.evaluate(() => ({
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        name: chrome.i18n.getMessage('ext_name'),
      }));
      expect(zone).toBe('America/Chicago');
      expect(name, 'the extension should use its Spanish messages (public/_locales/es)').toBe(SPANISH.ext_name.message);
      // Asked from an extension page: the bare service worker may say en-US until a page of the extension is open.
      const popup = await browser.openExtensionPage('popup.html');
      const languages = await popup.evaluate(() => [chrome.i18n.getUILanguage(), navigator.language, Intl.DateTimeFormat().resolvedOptions().locale]);
      expect(languages, 'UI language, navigator.language and Intl should follow the locale option').toEqual(['es', 'es', 'es']);
      await popup.close();
      const page = await browser.context.newPage();
      expect((await page.goto('https://www.example.com/page?x=1'))?.status(), 'host mapping to the fixture server').toBe(200);
      expect(await page.textContent('body')).toBe('one');
    } finally {
      await browser.close();
    }
  });
});
