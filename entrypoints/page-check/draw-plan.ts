/**
 * Draws what the background planned: the notice (or none), then the listing's tile badges. The notice's and
 * the listing's code come from scripts the background put in before it answered (injected.ts); where one is
 * missing, the check loop reads the page again at its next check.
 * @module
 */
import type { PageRule } from '@/components/core/classifier/types';
import type { ExtensionMessage, PagePlan, PageReport } from '@/components/core/messages';
import { injectedListing, injectedNoticeUi } from './injected';
import type { Lifecycle } from './lifecycle';
import type { NoticeSlot } from './notice-slot';

/** What drawing needs from the check loop (controller.ts). */
export interface CheckLoop {
  readonly rule: PageRule;
  readonly life: Lifecycle;
  readonly slot: NoticeSlot;
  send(message: ExtensionMessage): Promise<unknown>;
  /** The key of the last report the background saw (`previous` in messages). */
  lastReportKey(): string;
  setReport(report: PageReport): void;
  /** The next check reads the page again even if its fingerprint did not change. */
  readAgain(): void;
  /** Reads the page again now (after a proceed grant is stored). */
  checkNow(): void;
}

export interface PlanDrawer {
  draw(plan: PagePlan): Promise<void>;
  /** A tile badge this script inserted (the page may use the same tag name). */
  isBadge(node: Node): boolean;
}

export function createPlanDrawer(loop: CheckLoop): PlanDrawer {
  const { rule, life, slot, send } = loop;
  /** The one-time Kaspersky-active note this page showed: a redraw keeps it. */
  let kasperskyNote: string | undefined;
  const badges = new WeakSet<Node>();

  const drawNotice = (plan: PagePlan) => {
    const notice = plan.notice;
    const ui = notice && injectedNoticeUi(notice.mode);
    if (notice && !ui) loop.readAgain();
    if (!notice || !ui || !life.isValid()) return slot.clear();
    kasperskyNote = notice.words.kasperskyActive ?? kasperskyNote;
    const words = kasperskyNote ? { ...notice.words, kasperskyActive: kasperskyNote } : notice.words;
    const classification = plan.report.classification;
    const key = `${classification.verdict}|${notice.mode}|${JSON.stringify(words)}|${JSON.stringify(notice.policy)}`;
    const create = () =>
      ui.createNotice({
        ...notice,
        words,
        classification,
        onDetails: () => void send({ type: 'kban:open-details' }),
        onDismiss: () => {
          slot.clear();
          void send({ type: 'kban:dismiss' });
        },
        onProceed: () => {
          slot.clear();
          // Checked again once the grant is stored: the warning that replaces the block screen.
          void send({ type: 'kban:proceed' }).then(() => loop.checkNow());
        },
      });
    slot.show(key, create, ui);
  };

  /** The listing's code sends the tiles and badges the ones the background tells apart as Kaspersky's. */
  const markTiles = async (plan: PagePlan) => {
    const listing = injectedListing();
    if (!listing) return loop.readAgain();
    const report = await listing.badgeTiles(document, rule, plan, { previous: loop.lastReportKey(), send, isValid: () => life.isValid(), ours: badges });
    if (report) loop.setReport(report);
  };

  return {
    async draw(plan) {
      drawNotice(plan);
      if (plan.markTiles) await markTiles(plan);
      else loop.setReport(plan.report);
    },
    isBadge: (node) => badges.has(node),
  };
}
