/**
 * What the page check uses on a site without a rule: the extra reader and the generic classifier.
 * @module
 */
import { classifyGeneric } from '@/components/core/classifier/classify-generic';
import type { GenericCheck } from '../page-check/generic-check-slot';
import { readGenericSignals } from './read-generic-signals';

export const genericCheck: GenericCheck = { readSignals: readGenericSignals, classify: classifyGeneric };
