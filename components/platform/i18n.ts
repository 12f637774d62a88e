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

/**
 * The locale for dates, durations and lists: the browser's UI language when it is a variant of the
 * language the messages are in (en-GB for English text), else the messages' own language, so Spanish
 * text never gets English dates (`popup_locale` is "en" in English, "es" in Spanish).
 */
export function formatLocale(messagesLocale = t('popup_locale'), ui = uiLanguage()): string {
  const base = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(messagesLocale) ? messagesLocale : 'en';
  const lower = ui.toLowerCase().replace(/_/g, '-');
  return lower === base.toLowerCase() || lower.startsWith(`${base.toLowerCase()}-`) ? ui.replace(/_/g, '-') : base;
}
