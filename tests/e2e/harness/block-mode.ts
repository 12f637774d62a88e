/**
 * A Chromium in block mode, set the way an admin would: a managed policy file (`enforcement: block`,
 * `region: us`) written before the browser starts. Root only (see policy.ts).
 * @module
 */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium';
import type { FixtureServer } from './fixture-server';
import { waitUntil } from './page-state';
import { CHROME_EXTENSION_ID } from './paths';
import { createPolicyFiles } from './policy';

/**
 * Inside a `describeAsRoot` block: before its tests, writes the block policy as `kban-<name>.json`, launches
 * Chromium and waits until the policy is in `storage.managed`; after them, closes it and restores the policy
 * files. Returns the session, for the tests to call.
 *
 * @example const blockMode = useBlockModeBrowser(() => server, 'hostile-block'); … await blockMode().context.newPage();
 */
export function useBlockModeBrowser(server: () => FixtureServer, name: string): () => ChromiumSession {
  const policies = createPolicyFiles();
  let session: ChromiumSession | undefined;
  beforeAll(async () => {
    policies.writeChromium(name, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { enforcement: 'block', region: 'us' } } } });
    session = await launchChromium({ server: server() });
    // Chromium delivers policy to storage.managed a few seconds after start (e2e.md pitfall 4).
    const started = session;
    await waitUntil('the block policy in storage.managed', () => started.storage('managed'), (managed) => managed.enforcement === 'block', 30_000, 250);
  });
  afterAll(async () => {
    await session?.close();
    policies.restore();
  });
  return () => {
    if (!session) throw new Error(`the block-mode browser "${name}" is not running (used outside its describe block?)`);
    return session;
  };
}
