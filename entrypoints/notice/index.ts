import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { NOTICE_UI_KEY, handOver } from '@/components/core/site-rules/find-rule';
import { noticeUi } from './notice-ui';

/**
 * Stage three of three (first stage → page check → notice): the warning bar and the exempt note (the block
 * screen is entrypoints/block-screen). The background injects it into a frame only when the page check there
 * has something to show, so pages the check leaves alone never compile it. It hands the page check its functions under a symbol key, in the
 * isolated world they share and no page can reach.
 */
export default defineUnlistedScript(() => {
  handOver(NOTICE_UI_KEY, noticeUi);
});
