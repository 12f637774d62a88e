/**
 * What the page check uses on a site without a rule: the extra reader. The background classifies what it
 * reads (`classifyGeneric`, components/platform/page-decision.ts).
 * @module
 */
import type { GenericCheck } from '../page-check/injected';
import { readGenericSignals } from './read-generic-signals';

export const genericCheck: GenericCheck = { readSignals: readGenericSignals };
