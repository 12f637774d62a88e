import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LISTING_KEY, handOver } from '@/components/core/site-rules/find-rule';
import { listing } from './listing';

/**
 * The page check's part for listing pages: reading the tiles, sending them to the background, and marking the
 * ones it names as Kaspersky's. The background puts it into a frame before it answers with a plan that asks for
 * the tiles, so product pages never compile it. It hands its functions over under a symbol key, in the isolated
 * world it shares with the page check and no page can reach.
 */
export default defineUnlistedScript(() => {
  handOver(LISTING_KEY, listing);
});
