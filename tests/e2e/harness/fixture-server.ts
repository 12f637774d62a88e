/**
 * The end-to-end fixture server: serves every saved page of `PAGE_FIXTURES` at its real URL
 * (matched by Host + path + query, over http and https), plus extra routes a test adds.
 * One instance per test file, on ephemeral ports, so parallel runs never collide.
 *
 * It is also an HTTP proxy (absolute-URI GET and CONNECT), for Firefox, which reaches it
 * through a PAC script instead of Chromium's `--host-resolver-rules`.
 * Anything not registered answers 404, so a test never touches the real site.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAGE_FIXTURES, type PageFixture } from '../../fixtures/pages/index';
import { PAGES_DIR } from '../../fixtures/load-page';

/** What a route answers: a fixed body, or a handler for anything dynamic. */
export type RouteResponse =
  | { body: string | Buffer; type?: string; status?: number; headers?: Record<string, string> }
  | { handler: (request: RecordedRequest, res: http.ServerResponse) => void | Promise<void> };

/** A request the server saw (every request is recorded, with its body). */
export interface RecordedRequest {
  method: string;
  scheme: 'http' | 'https';
  /** Host header without the port, lowercase. */
  host: string;
  /** Path plus query, e.g. `/dp/B0TEST?th=1`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Whether a route or fixture answered it (false: 404). */
  matched: boolean;
}

export interface RouteOptions {
  /** Match any query string on this path (for update checks, which append their own). Default: the query must match exactly. */
  anyQuery?: boolean;
}

export interface FixtureServer {
  readonly httpPort: number;
  readonly httpsPort: number;
  /** Every host that has a fixture or a route (for host mapping and PAC scripts). */
  hosts(): string[];
  /** Adds (or replaces) a route at a real URL such as `https://www.amazon.com/dp/B0TEST0001`. Scheme is ignored. */
  route(url: string, response: RouteResponse, options?: RouteOptions): void;
  /** A URL served directly on the local http port (e.g. an update manifest), for `path` like `/updates.xml`. */
  localUrl(path: string): string;
  /** Every request seen so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Requests to one URL's host + path (any query), e.g. the POSTs a report endpoint received. */
  requestsTo(url: string): RecordedRequest[];
  close(): Promise<void>;
}

/** Key for matching: lowercase host, path and query; no scheme, port or hash. */
function keyOf(url: string): { exact: string; pathOnly: string } {
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase();
  return { exact: `${host}${parsed.pathname}${parsed.search}`, pathOnly: `${host}${parsed.pathname}` };
}

/** A self-signed certificate made at runtime (browsers run with certificate errors ignored). */
function makeCertificate(dir: string, hosts: string[]): { key: Buffer; cert: Buffer } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const sans = ['DNS:localhost', 'IP:127.0.0.1', ...hosts.slice(0, 200).map((host) => `DNS:${host}`)].join(',');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
    '-subj', '/CN=kban e2e fixtures', '-keyout', keyFile, '-out', certFile,
    '-addext', `subjectAltName=${sans}`,
  ], { stdio: 'ignore' });
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/**
 * Starts the server. `fixtures` defaults to the whole `PAGE_FIXTURES` table.
 *
 * @example
 * const server = await startFixtureServer();
 * server.route('https://www.amazon.com/dp/B0SPA00001', { body: '<h1 id="productTitle">…</h1>' });
 */
export async function startFixtureServer(fixtures: readonly PageFixture[] = PAGE_FIXTURES): Promise<FixtureServer> {
  const routes = new Map<string, { response: RouteResponse; anyQuery: boolean }>();
  for (const fixture of fixtures) {
    const file = path.join(PAGES_DIR, fixture.file);
    routes.set(keyOf(fixture.url).exact, {
      response: { handler: (_request, res) => void send(res, 200, 'text/html; charset=utf-8', readFileSync(file)) },
      anyQuery: false,
    });
  }
  const requests: RecordedRequest[] = [];
  const tunnels = new Set<net.Socket>();
  const hostsOf = () => [...new Set([...routes.keys()].map((key) => key.split('/')[0]!))].sort();
  const certDir = mkdtempSync(path.join(tmpdir(), 'kban-e2e-cert-'));
  let tls: { key: Buffer; cert: Buffer };
  try {
    tls = makeCertificate(certDir, hostsOf());
  } finally {
    rmSync(certDir, { recursive: true, force: true });
  }

  const find = (host: string, pathAndQuery: string) => {
    const { exact, pathOnly } = keyOf(`http://${host}${pathAndQuery}`);
    const hit = routes.get(exact);
    if (hit) return hit;
    const loose = routes.get(pathOnly);
    return loose?.anyQuery ? loose : undefined;
  };

  const handle = (scheme: 'http' | 'https') => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // A proxied request carries an absolute URI; a direct one a path. Host comes from the header either way.
      const target = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'invalid'}`);
      const host = (req.headers.host ?? target.host).replace(/:\d+$/, '').toLowerCase();
      const pathAndQuery = `${target.pathname}${target.search}`;
      const route = find(host, pathAndQuery);
      const request: RecordedRequest = {
        method: req.method ?? 'GET', scheme, host, path: pathAndQuery, headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'), matched: !!route,
      };
      requests.push(request);
      if (!route) return send(res, 404, 'text/plain; charset=utf-8', `kban fixture server: no route for ${host}${pathAndQuery}\n`);
      const response = route.response;
      if ('handler' in response) {
        Promise.resolve(response.handler(request, res)).catch((error: unknown) => {
          if (!res.headersSent) send(res, 500, 'text/plain', String(error));
        });
        return;
      }
      send(res, response.status ?? 200, response.type ?? 'text/html; charset=utf-8', response.body, response.headers);
    });
  };

  const httpServer = http.createServer(handle('http'));
  const httpsServer = https.createServer(tls, handle('https'));
  const [httpPort, httpsPort] = [await listen(httpServer), await listen(httpsServer)];

  // Proxy mode for https: tunnel CONNECT host:443 to the local https port (and host:80 to http).
  httpServer.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const port = (req.url ?? '').endsWith(':80') ? httpPort : httpsPort;
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream).add(client);
    const done = () => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(upstream);
      tunnels.delete(client);
    };
    upstream.on('error', done).on('close', done);
    client.on('error', done).on('close', done);
  });

  return {
    httpPort,
    httpsPort,
    hosts: hostsOf,
    route(url, response, options = {}) {
      const { exact, pathOnly } = keyOf(url);
      routes.set(options.anyQuery ? pathOnly : exact, { response, anyQuery: !!options.anyQuery });
    },
    localUrl: (pathAndQuery) => `http://127.0.0.1:${httpPort}${pathAndQuery}`,
    requests,
    requestsTo(url) {
      const { pathOnly } = keyOf(url);
      return requests.filter((request) => keyOf(`http://${request.host}${request.path}`).pathOnly === pathOnly);
    },
    async close() {
      for (const socket of tunnels) socket.destroy();
      for (const server of [httpServer, httpsServer]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', ...headers });
  res.end(body);
}
