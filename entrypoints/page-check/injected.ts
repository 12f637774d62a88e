/**
 * Where the page check finds the readers other scripts of ours hand over in its isolated world, each
 * injected only where it is needed, so the page check itself carries none of them:
 * - the generic check (entrypoints/generic-check), on sites without a rule, in "every site" mode only;
 * - the structured-data reader (entrypoints/structured-data), on sites whose rule reads structured data;
 * - the listing's tile reader and badges (entrypoints/listing), on pages with tiles to tell apart.
 * @module
 */
import { GENERIC_CHECK_KEY, LISTING_KEY, STRUCTURED_DATA_KEY } from '@/components/core/site-rules/find-rule';
import type { Listing } from '../listing/listing';
import type { GenericReader, SignalReaders } from './collect-signals';

/** What the generic check hands over: its reader (the background classifies, with `classifyGeneric`). */
export interface GenericCheck {
  readSignals: GenericReader;
}

const handedOver = (scope: object, key: string): unknown => (scope as Record<symbol, unknown>)[Symbol.for(key)];

/** The generic check the background injected into this isolated world, if any. */
export function injectedGenericCheck(scope: object = globalThis): GenericCheck | undefined {
  const check = handedOver(scope, GENERIC_CHECK_KEY) as Partial<GenericCheck> | undefined;
  return typeof check?.readSignals === 'function' ? (check as GenericCheck) : undefined;
}

/** The structured-data reader injected with the page check, if any. */
export function injectedStructuredReader(scope: object = globalThis): SignalReaders['structured'] {
  const reader = handedOver(scope, STRUCTURED_DATA_KEY);
  return typeof reader === 'function' ? (reader as SignalReaders['structured']) : undefined;
}

/** The listing's tile reader and badges, once the background put them in this world. */
export function injectedListing(scope: object = globalThis): Listing | undefined {
  const listing = handedOver(scope, LISTING_KEY) as Partial<Listing> | undefined;
  return typeof listing?.collectTiles === 'function' && typeof listing.markTile === 'function' && typeof listing.unmarkTiles === 'function' ? (listing as Listing) : undefined;
}
