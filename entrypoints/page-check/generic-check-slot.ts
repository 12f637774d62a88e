/**
 * Where the page check finds the generic check (entrypoints/generic-check) on a site without a rule: the
 * background injects it only in "every site" mode, so the page check itself carries none of it.
 * @module
 */
import { GENERIC_CHECK_KEY } from '@/components/core/site-rules/find-rule';
import type { GenericReader } from './collect-signals';

/** What the generic check hands over: its reader (the background classifies, with `classifyGeneric`). */
export interface GenericCheck {
  readSignals: GenericReader;
}

/** The generic check the background injected into this isolated world, if any. */
export function injectedGenericCheck(scope: object = globalThis): GenericCheck | undefined {
  const check = (scope as Record<symbol, unknown>)[Symbol.for(GENERIC_CHECK_KEY)] as Partial<GenericCheck> | undefined;
  return typeof check?.readSignals === 'function' ? (check as GenericCheck) : undefined;
}
