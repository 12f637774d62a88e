/**
 * What the listing script hands the page check (see LISTING_KEY in components/core/site-rules/find-rule.ts).
 * @module
 */
import { markTile, unmarkTiles } from '@/components/ui/tile-badge';
import { collectTiles } from './collect-tiles';

export const listing = { collectTiles, markTile, unmarkTiles };

export type Listing = typeof listing;
