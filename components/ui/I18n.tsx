import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { pluralMessage } from '@/components/core/i18n/plural';

/** Looks up an extension message by key, with `$1`… substitutions. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** What the components need to write text: the message lookup and the locale for Intl. */
export interface I18n {
  t: Translate;
  locale: string;
}

const I18nContext = createContext<I18n>({ t: key => key, locale: 'en' });

/** Gives every component below it the message lookup and locale (loaded in main.tsx). */
export function I18nProvider({ value, children }: { value: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The message lookup and locale from the nearest `I18nProvider`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A message as the core modules describe one: a key, its substitutions, and a count for plural messages. */
export interface MessageRef {
  key: string;
  substitutions?: string[];
  count?: number;
}

/** Looks a message up; plural messages (`count` set) get the form `Intl.PluralRules` picks for the locale. */
export function say({ t, locale }: I18n, message: MessageRef): string {
  return message.count === undefined ? t(message.key, message.substitutions) : pluralMessage(t, locale, message.key, message.count, message.substitutions);
}
