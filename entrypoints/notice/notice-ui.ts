/**
 * What the notice script hands the page check (see NOTICE_UI_KEY in components/core/site-rules/find-rule.ts).
 * @module
 */
import { guardBlockScreen } from './block-guard';
import { createNotice, focusNotice, placeNotice } from './notice';

export const noticeUi = { createNotice, placeNotice, focusNotice, guardBlockScreen };

export type NoticeUi = typeof noticeUi;
