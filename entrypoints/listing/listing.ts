/**
 * What the listing script hands the page check (see LISTING_KEY in components/core/site-rules/find-rule.ts):
 * the tiles' round trip to the background and their badges, so product pages never compile any of it.
 * @module
 */
import type { PageRule } from '@/components/core/classifier/types';
import type { ExtensionMessage, PagePlan, PageReport, TilesPlan } from '@/components/core/messages';
import { markTile, unmarkTiles } from '@/components/ui/tile-badge';
import { collectTiles } from './collect-tiles';

/** What the page check lends the listing for one round trip. */
export interface TileExchange {
  /** The key of the last report the background saw. */
  previous: string;
  send(message: ExtensionMessage): Promise<unknown>;
  /** False once kban went away: nothing is marked then. */
  isValid(): boolean;
  /**
   * The page check's set of its own badges, which each badge joins as it goes in: the page check's
   * MutationObserver sees the insertions before `badgeTiles` returns, and must know them as its own.
   */
  ours: WeakSet<Node>;
}

/**
 * Sends the listing's tiles to the background (`kban:tiles`, with the plan's report) and badges the ones it tells
 * apart as Kaspersky's. Returns the background's report; undefined when it did not answer (it was restarting) or
 * kban went away meanwhile, and nothing is marked then.
 */
export async function badgeTiles(doc: Document, rule: PageRule, plan: PagePlan, { previous, send, isValid, ours }: TileExchange): Promise<PageReport | undefined> {
  const { tiles, elements } = collectTiles(doc, rule);
  const answer = (await send({ type: 'kban:tiles', ruleId: rule.id, tiles, report: plan.report, previous })) as TilesPlan | undefined;
  const words = plan.badges;
  if (!answer || !words || !isValid()) return undefined;
  for (const { index, kind } of answer.marks) {
    const element = elements[index];
    const badge = element && markTile(element, kind, kind === 'download' ? words.download : words.purchase, words.explanation);
    if (badge) ours.add(badge);
  }
  return answer.report;
}

export const listing = { badgeTiles, unmarkTiles };

export type Listing = typeof listing;
