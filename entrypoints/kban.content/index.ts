import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteRule } from '@/components/core/classifier/types';
import { RULE_GLOBAL, findRule } from '@/components/core/site-rules/find-rule';
import { startPageCheck } from './controller';

/**
 * The page check. Its manifest entries are written by wxt.config.ts: one per site rule, each
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
    const rules = (scope[RULE_GLOBAL] as SiteRule[] | undefined) ?? [];
    const rule = findRule(location.hostname, rules);
    if (rule) startPageCheck(ctx, rule);
  },
});
