import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { STRUCTURED_DATA_KEY, handOver } from '@/components/core/site-rules/find-rule';
import { readStructuredData } from './read-structured-data';

/**
 * The page check's structured-data reader, for sites whose rule reads JSON-LD or microdata: injected with the
 * page check (by the manifest or the background, `pageCheckScripts`), before it. It hands its reader over
 * under a symbol key, in the isolated world it shares with the page check and no page can reach.
 */
export default defineUnlistedScript(() => {
  handOver(STRUCTURED_DATA_KEY, readStructuredData);
});
