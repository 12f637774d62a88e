/**
 * Reading a listing's tiles (search results, categories, carousels): loaded only into frames whose plan
 * says their tiles are to be told apart (see entrypoints/listing/index.ts).
 * @module
 */
import type { PageRule, TileSignal } from '@/components/core/classifier/types';
import { spacedText, textOf } from '../page-check/collect-signals';

const MAX_TILES = 300;
/** A tile's whole text is kept this long: enough to reach the format line under a long title. */
const MAX_TILE_DETAIL = 600;

/** The product tiles of a listing page, with their titles (capped in number and length). */
export function collectTiles(doc: Document, rule: PageRule): { tiles: TileSignal[]; elements: Element[] } {
  const { tile, tileTitle } = rule.selectors ?? {};
  if (!tile) return { tiles: [], elements: [] };
  let elements: Element[];
  try {
    elements = [...doc.querySelectorAll(tile)].slice(0, MAX_TILES);
  } catch {
    return { tiles: [], elements: [] };
  }
  const tiles = elements.map((element, index) => {
    // Text nodes joined with spaces: adjacent blocks ("…Published</div><div>Paperback") stay separate words.
    const detail = spacedText(element).replace(/\s+/g, ' ').trim().slice(0, MAX_TILE_DETAIL);
    return { index, title: (tileTitle ? textOf(element, tileTitle) : undefined) ?? detail.slice(0, 200), detail };
  });
  return { tiles, elements };
}

