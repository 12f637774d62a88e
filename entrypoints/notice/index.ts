import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { NOTICE_UI_KEY, handOver } from '@/components/core/site-rules/find-rule';
import { noticeUi } from './notice-ui';

/**
 * Stage three of three (first stage → page check → notice): the warning bar and the exempt note (the block
 * screen is entrypoints/block-screen). On a listed site it comes with the page check (`pageCheckScripts`),
 * which is loaded only where the first stage found a likely Kaspersky page; in "every site" mode it comes
 * with a plan that shows a notice (`scriptsForPlan`). Pages the first stage leaves alone never compile it.
 * It hands the page check its functions under a symbol key, in the isolated world they share and no page
 * can reach.
 */
export default defineUnlistedScript(() => {
  handOver(NOTICE_UI_KEY, noticeUi);
});
