/**
 * What the page check does with a verdict: a pure decision from the verdict, the settings and the
 * region, kept apart from the DOM so every combination is unit-tested.
 * @module
 */
import type { Classification } from './classifier/types';
import type { PageAction } from './messages';
import { isDismissed, type EffectiveSettings } from './policy/settings';

export interface ActionInput {
  classification: Classification;
  settings: EffectiveSettings;
  /** Whether the ban covers this user (decideRegion). */
  covered: boolean;
  /** A proceed-anyway grant for this site is running (block mode). */
  proceed: boolean;
  host: string;
}

export interface ActionDecision {
  action: PageAction;
  /** The page notice to show, if any. */
  mode?: 'warn' | 'block';
  /** Listing tiles may be badged. */
  markTiles: boolean;
}

/**
 * @example decideAction({ classification: { verdict: 'purchase', reasons: [] }, settings, covered: true, proceed: false, host: 'www.amazon.com' }).mode // 'warn'
 */
export function decideAction({ classification, settings, covered, proceed, host }: ActionInput): ActionDecision {
  const markTiles = !!classification.listing && covered && settings.enforcement !== 'off' && !isDismissed(settings, host);
  if (settings.enforcement === 'off') return { action: 'off', markTiles };
  if (!covered) return { action: 'not-covered', markTiles };
  if (classification.verdict === 'exempt') return { action: 'exempt-note', mode: 'warn', markTiles };
  if (classification.verdict === 'none') return { action: 'none', markTiles };
  if (settings.enforcement === 'block' && !proceed) return { action: 'blocked', mode: 'block', markTiles };
  if (isDismissed(settings, host)) return { action: 'dismissed', markTiles };
  return { action: 'warned', mode: 'warn', markTiles };
}
