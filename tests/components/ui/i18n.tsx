/**
 * Test helpers: the real `_locales` messages with Chrome's `$1` substitution, and a render
 * wrapper that provides them to components.
 */
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { I18nProvider, type Translate } from '@/components/ui/I18n';

type Messages = Record<string, { message: string }>;
const cache = new Map<string, Messages>();

/** The extension's messages for a locale (`en`, `es`), read from public/_locales. */
export function messages(locale: 'en' | 'es'): Messages {
  let loaded = cache.get(locale);
  if (!loaded) {
    loaded = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
    cache.set(locale, loaded);
  }
  return loaded;
}

/** `browser.i18n.getMessage` semantics over the real messages: `$1`–`$9` substituted, `$$` is `$`, '' when missing. */
export function getMessage(locale: 'en' | 'es', key: string, substitutions?: string | string[]): string {
  const entry = messages(locale)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_all, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}

/** A `t()` like the extension's: the message, or the key itself when it is missing (so tests catch it). */
export function translator(locale: 'en' | 'es'): Translate {
  return (key, substitutions) => getMessage(locale, key, substitutions) || key;
}

/** Renders `ui` with the real messages of `locale`. */
export function renderWithI18n(ui: ComponentChildren, locale: 'en' | 'es' = 'en') {
  return render(<I18nProvider value={{ t: translator(locale), locale }}>{ui}</I18nProvider>);
}

/** Text of the element with all whitespace (including ICU's narrow no-break spaces) collapsed. */
export function plainText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** Keys shown verbatim mean a message is missing: returns any `popup_…`/`options_…`/`timeline_…` left in the text. */
export function missingKeys(element: Element): string[] {
  return (element.textContent ?? '').match(/\b(?:popup|options|timeline)_[a-z_]+/g) ?? [];
}
