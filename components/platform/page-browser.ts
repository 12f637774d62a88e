/**
 * The extension API for the scripts that run in web pages (first stage, page check, search results),
 * without webextension-polyfill. wxt.config.ts points `wxt/browser` here for those builds only; the
 * background, popup and options keep the polyfill.
 *
 * Why: the polyfill costs every checked page about a millisecond to set up, and it decides which API to
 * wrap from `globalThis.browser`, which in Chromium's isolated world a page can shadow with a named element
 * (`<form name="browser"><input name="runtime" id="x">`), leaving kban with a form instead of an API.
 * Here Firefox's own `browser` (promise-based) is used only when it is a plain object, which no page
 * element is; otherwise Chromium's `chrome`, which is the world's own property (a named element never
 * shadows it) and returns promises in Manifest V3.
 * @module
 */
import type { browser as Browser } from 'wxt/browser';

function pick(): typeof Browser {
  const scope = globalThis as unknown as { browser?: unknown; chrome: typeof Browser };
  const candidate = scope.browser;
  if (candidate && typeof candidate === 'object' && Object.getPrototypeOf(candidate) === Object.prototype) return candidate as typeof Browser;
  return scope.chrome;
}

export const browser: typeof Browser = pick();
