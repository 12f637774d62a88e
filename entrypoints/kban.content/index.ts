import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageRule } from '@/components/core/classifier/types';
import { RULE_GLOBAL } from '@/components/core/site-rules/find-rule';
import { startPageCheck } from './controller';

/**
 * The page check. Its manifest entries are written by wxt.config.ts: two per site rule (document_start
 * for addresses that name Kaspersky, document_end for the rest; see ruleContentScripts), each
 * injecting that site's rule script (site-rules/<id>.js) first, so a page carries only its own rule.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_end',
  main(ctx) {
    const scope = globalThis as typeof globalThis & Record<string, unknown>;
    if (scope.__kbanStarted) return;
    scope.__kbanStarted = true;
    // The manifest entry that injected this script injected exactly one rule script just before it.
    const rule = (scope[RULE_GLOBAL] as PageRule[] | undefined)?.[0];
    if (rule) startPageCheck(ctx, rule);
  },
});
