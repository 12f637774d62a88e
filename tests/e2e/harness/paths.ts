/**
 * Where the end-to-end harness finds the project and the built extension.
 * @module
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** The project root. */
export const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** The unpacked Chromium build (`npx wxt build`). */
export const CHROME_EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
/** The unpacked Firefox build (`npx wxt build -b firefox`). */
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv2');
/** The Chromium extension id, fixed by the manifest `key` in wxt.config.ts. */
export const CHROME_EXTENSION_ID = 'nnlcbcdhgclnjnneohgonnciomnldjmb';
/** The Firefox add-on id (`browser_specific_settings.gecko.id`). */
export const FIREFOX_EXTENSION_ID = 'kban@kban.dev';
/** Screenshots taken by tests go here (ignored by git). */
export const SHOTS_DIR = path.join(ROOT, '.tmp/e2e-shots');

/**
 * The Chromium build the browsers load in this run: the global setup's snapshot of
 * `.output/chrome-mv3` (see build.ts), or `.output/chrome-mv3` itself outside the e2e config.
 */
export function chromeExtensionDir(): string {
  return inject('kbanChromeExtensionDir') || CHROME_EXTENSION_DIR;
}

/** The Firefox build the browsers load in this run (snapshot of `.output/firefox-mv2`). */
export function firefoxExtensionDir(): string {
  return inject('kbanFirefoxExtensionDir') || FIREFOX_EXTENSION_DIR;
}
