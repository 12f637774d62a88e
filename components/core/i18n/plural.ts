/**
 * Plural messages: a message with a number is stored once per CLDR plural category
 * (`<key>_one`, `<key>_other`, …, as `Intl.PluralRules` names them) and chosen here.
 * Pure; web pages get the resolved text from the background (the first `Intl` call on a page costs 10–30 ms).
 * @module
 */

/** Looks up a message; returns '' or the key itself when it is missing (both the extension's and the tests' `t` do one of these). */
export type MessageLookup = (key: string, substitutions?: string | string[]) => string;

const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale` (`one`, `few`, `many`, `other`, …). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * The message `<key>_<category>` for `count`, falling back to `<key>_other` when the locale's
 * messages have no entry for that category. `$1` is the count unless `substitutions` say otherwise.
 *
 * @example pluralMessage(t, 'en', 'block_proceed', 1) // 'Proceed anyway for 1 minute'
 * @example pluralMessage(t, 'es', 'block_proceed', 5) // 'Continuar de todos modos durante 5 minutos'
 */
export function pluralMessage(t: MessageLookup, locale: string, key: string, count: number, substitutions: string[] = [String(count)]): string {
  const specificKey = `${key}_${pluralCategory(count, locale)}`;
  const specific = t(specificKey, substitutions);
  return specific && specific !== specificKey ? specific : t(`${key}_other`, substitutions);
}
