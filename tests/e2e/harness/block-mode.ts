/**
 * A Chromium in block mode, set the way an admin would: a managed policy file (`enforcement: block`,
 * `region: us`) written before the browser starts. Root only (see policy.ts).
 * @module
 */
import { launchChromium, type ChromiumSession } from './chromium';
import type { FixtureServer } from './fixture-server';
import { waitUntil } from './page-state';
import { CHROME_EXTENSION_ID } from './paths';
import type { PolicyFiles } from './policy';

/** Writes the block policy as `kban-<name>.json` in `policies`, launches Chromium and waits until the policy is in `storage.managed`. */
export async function launchBlockMode(server: FixtureServer, policies: PolicyFiles, name: string): Promise<ChromiumSession> {
  policies.writeChromium(name, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { enforcement: 'block', region: 'us' } } } });
  const session = await launchChromium({ server });
  // Chromium delivers policy to storage.managed a few seconds after start (e2e.md pitfall 4).
  await waitUntil('the block policy in storage.managed', () => session.storage('managed'), (managed) => managed.enforcement === 'block', 30_000, 250);
  return session;
}
