/**
 * Whether a search result leads to a Kaspersky purchase or download page, from its URL and title
 * alone (the page itself is not fetched). Uses the same site rules as the page check.
 * @module
 */
import { hostOf, pathOf } from '../classifier/classify';
import { exemptCategory, isMentionOnly, mentionsKaspersky } from '../classifier/product-names';
import type { ItemKind } from '../classifier/types';
import { findRule } from '../site-rules';

/**
 * @example classifyResult('https://www.kaspersky.com/premium', 'Kaspersky Premium | Buy now') // 'purchase'
 * @example classifyResult('https://www.kaspersky.com/blog/us-ban/', 'What the US ban means') // undefined
 */
export function classifyResult(url: string, title: string): ItemKind | undefined {
  const rule = findRule(hostOf(url));
  if (!rule || isMentionOnly(title) || exemptCategory(`${title} ${url}`)) return undefined;
  const path = pathOf(url);
  if (rule.ignorePaths?.some((pattern) => pattern.test(path))) return undefined;
  if (rule.role === 'vendor') {
    const verdict = rule.vendorPaths?.find((entry) => entry.path.test(path))?.verdict;
    return verdict === 'purchase' || verdict === 'download' ? verdict : undefined;
  }
  const isProduct = rule.productPaths?.some((pattern) => pattern.test(path)) ?? false;
  if (!isProduct || !(mentionsKaspersky(title) || mentionsKaspersky(decodeURIComponentSafe(path)))) return undefined;
  return rule.role === 'download' ? 'download' : 'purchase';
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
