/**
 * Finds an engine's results and badges those that lead to Kaspersky purchase or download pages.
 * @module
 */
import { classifyResult } from '@/components/core/search/classify-result';
import { resultDestination, type SearchEngine } from '@/components/core/search/search-engines';
import type { MessageLookup } from '@/components/core/i18n/plural';
import { t as browserLookup } from '@/components/platform/i18n';
import { markTile } from '@/components/ui/tile-badge';

const MAX_RESULTS = 100;

/** Marks the result blocks; returns how many were marked. `t` looks up the badges' words (the page context's, see page-messages.ts). */
export function markSearchResults(doc: Document, engine: SearchEngine, pageUrl: string, t: MessageLookup = browserLookup): number {
  let links: Element[];
  try {
    links = [...doc.querySelectorAll(engine.resultLink)].slice(0, MAX_RESULTS);
  } catch {
    return 0;
  }
  let marked = 0;
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    const title = (link.querySelector('h3')?.textContent ?? link.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
    const kind = classifyResult(resultDestination(href, pageUrl), title);
    if (!kind) continue;
    const block = link.closest(engine.resultBlock) ?? link.parentElement;
    if (!block) continue;
    markTile(block, kind, t(kind === 'download' ? 'badge_download' : 'badge_purchase'), t('search_badge_explanation'));
    marked++;
  }
  return marked;
}
