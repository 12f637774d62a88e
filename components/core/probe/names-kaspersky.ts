/**
 * The cheap test shared by the first stage (every page of a covered site) and the background's
 * "every site" mode (tab addresses and titles): does a piece of text name Kaspersky, one of its free
 * tools whose names don't carry the brand, or one of its Android packages? Plain substring tests on
 * lowercased text: linear, no regular expression, nothing to parse.
 * @module
 */

/**
 * Lowercase words that name Kaspersky or its products (ban-facts §5: TDSSKiller, KVRT); amazon.co.jp
 * writes the brand only in katakana.
 */
const NAMES = ['kaspersky', 'tdsskiller', 'kvrt', 'カスペルスキー'];
/** Kaspersky's Android package ids: app stores and APK sites name apps by package. */
const PACKAGES = ['com.kms.', 'com.kaspersky.'];

/** How much of any one text is looked at: page titles and addresses are far shorter. */
const MAX_CHARS = 2048;

/** True when `text` names Kaspersky, one of its tools or packages. */
export function namesKaspersky(text: string | null | undefined): boolean {
  if (!text) return false;
  const lower = text.slice(0, MAX_CHARS).toLowerCase();
  return NAMES.some((name) => lower.includes(name)) || PACKAGES.some((id) => lower.includes(id));
}

/**
 * True when an address names Kaspersky. The host and path count; of the query only package ids
 * (`/details?id=com.kms.free`): `?keywords=kaspersky` says how someone got to a page, not what it is.
 * The fragment never counts.
 *
 * @example addressNamesKaspersky('https://www.amazon.de/Kaspersky-Premium/dp/B0BHVJ4QT3') // true
 * @example addressNamesKaspersky('https://www.amazon.com/dp/B0C7S1X2LN?keywords=kaspersky') // false
 */
export function addressNamesKaspersky(url: string): boolean {
  const noFragment = url.slice(0, MAX_CHARS).split('#', 1)[0]!;
  const queryAt = noFragment.indexOf('?');
  const base = queryAt < 0 ? noFragment : noFragment.slice(0, queryAt);
  const query = queryAt < 0 ? '' : noFragment.slice(queryAt).toLowerCase();
  return namesKaspersky(base) || PACKAGES.some((id) => query.includes(id));
}
