/**
 * Gets the notice's code into this frame when there is something to show: the background injects
 * notice.js (entrypoints/notice: the warning bar) or block-screen.js (entrypoints/block-screen), which
 * hand over their functions under a symbol key. Usually it is there already: notice.js comes with the page
 * check, and the background puts block-screen.js in before it answers with a block.
 * @module
 */
import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '@/components/core/messages';
import { BLOCK_SCREEN_UI_KEY, NOTICE_UI_KEY } from '@/components/core/site-rules/find-rule';
import type { NoticeUi } from '../notice/notice-ui';

type Mode = 'warn' | 'block';

const loaded = (mode: Mode): NoticeUi | undefined =>
  (globalThis as unknown as Record<symbol, NoticeUi | undefined>)[Symbol.for(mode === 'block' ? BLOCK_SCREEN_UI_KEY : NOTICE_UI_KEY)];

/** Whether this frame already has the code that draws a notice in `mode`. */
export const hasNoticeUi = (mode: Mode): boolean => loaded(mode) !== undefined;

const loading = new Map<Mode, Promise<NoticeUi | undefined>>();

/** The functions that draw a notice in `mode`, loading them first if needed; undefined when the extension could not inject them. */
export function loadNoticeUi(mode: Mode): Promise<NoticeUi | undefined> {
  const ready = loaded(mode);
  if (ready) return Promise.resolve(ready);
  const message: ExtensionMessage = { type: 'kban:load-notice', mode };
  let pending = loading.get(mode);
  if (!pending) {
    pending = Promise.resolve(browser.runtime.sendMessage(message))
      .catch(() => undefined)
      .then(() => {
        loading.delete(mode); // a failed load may be tried again at the next check
        return loaded(mode);
      });
    loading.set(mode, pending);
  }
  return pending;
}
