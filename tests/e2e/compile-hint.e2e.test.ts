/**
 * The built page scripts that run nearly in full once loaded carry V8's compile hint as their very first
 * line (V8 honours it only before any code), and the first stage, which runs on every page and is mostly
 * its test, does not. wxt.config.ts adds it after minification; a toolchain change that dropped or moved it
 * would cost every flagged page about a millisecond (README, Performance) without failing anything else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { chromeExtensionDir, firefoxExtensionDir } from './harness/paths';

const HINT = '//# allFunctionsCalledOnLoad\n';

it.each([['Chrome', chromeExtensionDir], ['Firefox', firefoxExtensionDir]] as const)('%s build: page check and its readers, notice and block screen are compiled at once; the first stage lazily', (_name, dir) => {
  const head = (file: string) => readFileSync(path.join(dir(), file), 'utf8').slice(0, HINT.length);
  for (const file of ['page-check.js', 'structured-data.js', 'listing.js', 'generic-check.js', 'notice.js', 'block-screen.js']) expect(head(file), file).toBe(HINT);
  expect(head('first-stage.js')).not.toBe(HINT);
});
