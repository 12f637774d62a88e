import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BLOCK_SCREEN_UI_KEY, handOver } from '@/components/core/site-rules/find-rule';
import type { NoticeUi } from '../notice/notice-ui';
import { focusNotice, placeNotice } from '../notice/notice-parts';
import { guardBlockScreen } from './block-guard';
import { createBlockScreen } from './block-screen';

const blockScreenUi: NoticeUi = { createNotice: createBlockScreen, placeNotice, focusNotice, guardBlockScreen };

/**
 * Stage three, when the organisation's policy blocks: the block screen and its guard. The background injects
 * it into a frame only when the page check there is to show a block screen, so pages that only warn never
 * compile it. It hands the page check its functions under a symbol key, in the isolated world they share
 * and no page can reach.
 */
export default defineUnlistedScript(() => {
  handOver(BLOCK_SCREEN_UI_KEY, blockScreenUi);
});
