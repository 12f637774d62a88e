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
/** The organisation package (`wxt build --mode org`): access to all sites granted at install. */
export const CHROME_ORG_EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3-org');
export const FIREFOX_ORG_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv2-org');
/** The organisation package's ids (its own manifest key; gecko id). */
export const CHROME_ORG_EXTENSION_ID = 'ighfapiekfkmdcalbpkbpgcfjjjdfjbk';
export const FIREFOX_ORG_EXTENSION_ID = 'kban-org@kban.dev';
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

/** The organisation package's Chromium build for this run (snapshot). */
export function chromeOrgExtensionDir(): string {
  return inject('kbanChromeOrgExtensionDir') || CHROME_ORG_EXTENSION_DIR;
}

/** The organisation package's Firefox build for this run (snapshot). */
export function firefoxOrgExtensionDir(): string {
  return inject('kbanFirefoxOrgExtensionDir') || FIREFOX_ORG_EXTENSION_DIR;
}
