import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { injectedRule } from '@/components/core/site-rules/find-rule';
import { startPageCheck } from './controller';
import { createLifecycle } from './lifecycle';

/**
 * The page check, stage two of three (first stage → page check → notice). It reaches a page in one of
 * two ways, both after the page's rule script (site-rules/<id>.js) in the same isolated world:
 * - from the manifest at document_start, for addresses that name Kaspersky (see ruleContentScripts): it checks
 *   once the page's subject has parsed, while the rest still loads (subject-parsed.ts);
 * - from the background (`scripting.executeScript`), when the first stage found the page could be
 *   Kaspersky's, or in "every site" mode (with site-rules/generic.js).
 * It reads the page and draws; the background decides what to show (components/platform/page-decision.ts).
 * Its state lives in this script's closure and under symbol keys, which no page can reach or fake.
 */
/** This frame's page check: 'waiting' for the page (or its subject) to parse, then 'checking' (read by the e2e harness). */
const STATE = Symbol.for('kban.page-check');

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  if (scope[STATE] !== undefined) return;
  scope[STATE] = 'waiting';
  const rule = injectedRule();
  if (rule) startPageCheck(createLifecycle(), rule, () => (scope[STATE] = 'checking'));
});
