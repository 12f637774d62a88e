/**
 * Machine-wide browser policy for end-to-end tests (root only):
 * Chromium reads /etc/chromium/policies/managed/*.json, Firefox /etc/firefox/policies/policies.json.
 * A `PolicyFiles` writes them and `restore()` puts the machine back exactly as it was: files it
 * created are removed, files it replaced get their old content back, directories it created go.
 * Always run policy tests under `flock /tmp/kban-e2e.lock` (any browser started meanwhile sees them).
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE || '/etc/firefox/policies/policies.json';

/** Whether this process may write machine policy. */
export const IS_ROOT = process.getuid?.() === 0;
/** Why policy tests fail when not run as root (they never skip: a skipped test proves nothing). */
export const NOT_ROOT_MESSAGE = 'policy tests need root: browsers read machine policy only from /etc (run `sudo npm test`, or as root in CI)';

/**
 * Fails the calling test unless running as root, with one line saying why.
 *
 * @example it('reads the policy', () => { requireRoot(); … });
 */
export function requireRoot(): void {
  if (!IS_ROOT) throw new Error(NOT_ROOT_MESSAGE);
}

/**
 * `describe` for a block of policy tests: as root, the block itself; otherwise one test, named like
 * the block, that fails with NOT_ROOT_MESSAGE (its hooks would only fail the same way, less clearly).
 *
 * @example describeAsRoot('block mode', () => { beforeAll(…writeChromium…); it(…); });
 */
export function describeAsRoot(name: string, body: () => void): void {
  if (IS_ROOT) describe(name, body);
  else describe(name, () => it('runs as root', () => requireRoot()));
}

type Undo = () => void;

/** Writes policy files and remembers how to undo each change. */
export class PolicyFiles {
  private readonly undo: Undo[] = [];

  /** Writes `/etc/chromium/policies/managed/kban-<name>.json` (the `kban-` prefix is added). */
  writeChromium(name: string, policy: Record<string, unknown>): string {
    const file = path.join(CHROMIUM_POLICY_DIR, `kban-${name.replace(/^kban-/, '').replace(/\.json$/, '')}.json`);
    this.write(file, policy);
    return file;
  }

  /** Writes Firefox's policies.json: pass the inner object, it is wrapped in `{ policies: … }`. */
  writeFirefox(policies: Record<string, unknown>): string {
    this.write(FIREFOX_POLICY_FILE, { policies });
    return FIREFOX_POLICY_FILE;
  }

  /** Undoes every change, newest first. Safe to call more than once. */
  restore(): void {
    while (this.undo.length) {
      try {
        this.undo.pop()!();
      } catch (error) {
        console.error('[e2e] policy cleanup failed:', error);
      }
    }
  }

  private write(file: string, content: Record<string, unknown>): void {
    if (!IS_ROOT) throw new Error(NOT_ROOT_MESSAGE);
    const missing: string[] = [];
    for (let dir = path.dirname(file); !existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
    for (const dir of missing) {
      mkdirSync(dir);
      this.undo.push(() => rmdirSync(dir));
    }
    if (existsSync(file)) {
      const previous = readFileSync(file);
      this.undo.push(() => writeFileSync(file, previous));
    } else {
      this.undo.push(() => unlinkSync(file));
    }
    writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  }
}

const active = new Set<PolicyFiles>();
process.once('exit', () => {
  for (const files of active) files.restore(); // last resort if a test file forgot afterAll
});

/**
 * A `PolicyFiles` that is also restored when the process exits.
 *
 * @example
 * const policies = createPolicyFiles();
 * afterAll(() => policies.restore());
 * policies.writeChromium('region', { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { region: 'non-us' } } } });
 */
export function createPolicyFiles(): PolicyFiles {
  const files = new PolicyFiles();
  active.add(files);
  return files;
}
