/**
 * Translated text from the extension's `_locales`, chosen by the browser's language.
 * @module
 */
import { browser } from 'wxt/browser';

/** The message for `key`, with `$1`… substitutions; the key itself if the message is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  // WXT types keys from messages.json; callers pass computed keys, so widen the signature here.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}

/** The browser's UI language (e.g. `es`, `en-US`), for date and number formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || 'en';
}
