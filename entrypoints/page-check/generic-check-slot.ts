/**
 * Where the page check finds the generic check (entrypoints/generic-check) on a site without a rule: the
 * background injects it only in "every site" mode, so the page check itself carries none of it.
 * @module
 */
import type { Classification, PageRule, PageSignals } from '@/components/core/classifier/types';
import { GENERIC_CHECK_KEY } from '@/components/core/site-rules/find-rule';
import type { GenericReader } from './collect-signals';

export interface GenericCheck {
  readSignals: GenericReader;
  classify: (signals: PageSignals, rule: PageRule) => Classification;
}

/** The generic check the background injected into this isolated world, if any. */
export function injectedGenericCheck(scope: object = globalThis): GenericCheck | undefined {
  const check = (scope as Record<symbol, unknown>)[Symbol.for(GENERIC_CHECK_KEY)] as Partial<GenericCheck> | undefined;
  return typeof check?.readSignals === 'function' && typeof check.classify === 'function' ? (check as GenericCheck) : undefined;
}
