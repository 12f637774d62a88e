import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GENERIC_CHECK_KEY, handOver } from '@/components/core/site-rules/find-rule';
import { genericCheck } from './generic-check';

/**
 * The page check's part for sites without a rule of their own ("every site" mode): the background injects it,
 * after site-rules/generic.js and before the page check, only into pages whose address or title names
 * Kaspersky. Pages of listed sites never compile it. It hands its functions over under a symbol key, in the
 * isolated world it shares with the page check and no page can reach.
 */
export default defineUnlistedScript(() => {
  handOver(GENERIC_CHECK_KEY, genericCheck);
});
