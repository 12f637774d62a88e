/**
 * Gets the notice's code into this frame when there is something to show: the background injects
 * notice.js (entrypoints/notice), which hands its functions over under a symbol key.
 * @module
 */
import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '@/components/core/messages';
import { NOTICE_UI_KEY } from '@/components/core/site-rules/find-rule';
import type { NoticeUi } from '../notice/notice-ui';

const loaded = (): NoticeUi | undefined => (globalThis as unknown as Record<symbol, NoticeUi | undefined>)[Symbol.for(NOTICE_UI_KEY)];

let loading: Promise<NoticeUi | undefined> | undefined;

/** The notice's functions, loading them first if needed; undefined when the extension could not inject them. */
export function loadNoticeUi(): Promise<NoticeUi | undefined> {
  const ready = loaded();
  if (ready) return Promise.resolve(ready);
  const message: ExtensionMessage = { type: 'kban:load-notice' };
  loading ??= Promise.resolve(browser.runtime.sendMessage(message))
    .catch(() => undefined)
    .then(() => {
      loading = undefined; // a failed load may be tried again at the next check
      return loaded();
    });
  return loading;
}
