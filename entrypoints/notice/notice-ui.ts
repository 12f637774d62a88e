/**
 * What the notice and block-screen scripts hand the page check (see NOTICE_UI_KEY and BLOCK_SCREEN_UI_KEY in
 * components/core/site-rules/find-rule.ts).
 * @module
 */
import { createNotice } from './notice';
import { focusNotice, placeNotice, type NoticeProps } from './notice-parts';

export interface NoticeUi {
  /** The notice host, not yet in the page. */
  createNotice(props: NoticeProps): HTMLElement;
  placeNotice(host: HTMLElement, anchor: Element | null): void;
  focusNotice(host: HTMLElement): void;
  /** Block screens only: holds the page until the returned function is called. */
  guardBlockScreen?(host: HTMLElement): () => void;
}

export const noticeUi: NoticeUi = { createNotice, placeNotice, focusNotice };
