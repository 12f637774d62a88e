/**
 * The one notice a page check shows at a time: drawing it, putting it back when the page removes it
 * (a bounded number of times for a warning bar, always for a block screen), and the block screen's
 * hold on the page (`inert` everywhere else, guarded).
 * @module
 */
import type { PageRule } from '@/components/core/classifier/types';
import type { NoticeUi } from '../notice/notice-ui';

const MAX_REINSERTS_PER_URL = 10;

export interface NoticeSlot {
  /** The notice in the page, if any. */
  readonly element: HTMLElement | undefined;
  /** What the notice on show says (verdict, mode, product, policy), '' when there is none. */
  readonly key: string;
  /** Shows `create()`'s notice under `key`, replacing a different one; puts a removed one back. */
  show(key: string, create: () => HTMLElement, ui: NoticeUi): void;
  /** Takes the notice away and gives the page back. */
  clear(): void;
  /** The notice on show must be redrawn at the next check (settings changed). */
  invalidate(): void;
  /** A new address: the reinsert budget starts again. */
  newAddress(): void;
}

export function createNoticeSlot(rule: PageRule): NoticeSlot {
  let element: HTMLElement | undefined;
  let key = '';
  let reinserts = 0;
  let stopGuard: (() => void) | undefined;
  let ui: NoticeUi | undefined;

  const isBlock = () => element?.getAttribute('data-kban-mode') === 'block';
  const place = () => {
    ui!.placeNotice(element!, anchorFor(rule));
    if (!isBlock()) return;
    stopGuard?.();
    stopGuard = ui!.guardBlockScreen?.(element!);
    ui!.focusNotice(element!);
  };
  const clear = () => {
    stopGuard?.();
    stopGuard = undefined;
    element?.remove();
    element = undefined;
    key = '';
  };

  return {
    get element() {
      return element;
    },
    get key() {
      return key;
    },
    show(nextKey, create, noticeUi) {
      ui = noticeUi;
      if (nextKey !== key) {
        clear();
        element = create();
        key = nextKey;
        place();
      } else if (element && !element.isConnected && (isBlock() || reinserts++ < MAX_REINSERTS_PER_URL)) {
        // The page removed or re-rendered over the notice: put it back.
        place();
      }
    },
    clear,
    invalidate: () => void (key = key && 'stale'),
    newAddress: () => void (reinserts = 0),
  };
}

/** Where a warning bar goes: before the site's product title, else the first h1. */
function anchorFor(rule: PageRule): Element | null {
  try {
    return (rule.selectors?.productTitle && document.querySelector(rule.selectors.productTitle)) || document.querySelector('h1');
  } catch {
    return document.querySelector('h1');
  }
}
