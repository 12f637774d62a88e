/**
 * The page check's life in the page: whether the extension is still there. Only the browser can end
 * it: the check stops when the extension's runtime is gone (updated, disabled, removed), never because
 * of anything a page dispatches or sets.
 *
 * Nothing runs on a timer. The runtime is looked at whenever the check is about to do something (the
 * page changed) and when the tab is shown again, so a notice or block screen left by a removed kban
 * goes at the latest when the user comes back to the tab. (Firefox unloads a removed extension's
 * scripts with it: there, nothing of ours runs on to look.)
 * @module
 */
import { browser } from 'wxt/browser';

export interface Lifecycle {
  /** False once the extension went away: its APIs no longer answer this page. The first false runs the `onInvalidated` callbacks. */
  isValid(): boolean;
  /** Runs `callback` once, when the extension goes away. */
  onInvalidated(callback: () => void): void;
}

export function createLifecycle(): Lifecycle {
  const onGone: Array<() => void> = [];
  let valid = true;
  const isValid = () => {
    if (!valid) return false;
    try {
      valid = browser.runtime?.id !== undefined;
    } catch {
      valid = false; // Chromium throws "Extension context invalidated" here
    }
    if (!valid) {
      document.removeEventListener('visibilitychange', shown);
      for (const callback of onGone.splice(0)) callback();
    }
    return valid;
  };
  // A page can dispatch this event: all it does is look at the runtime.
  const shown = () => void (document.visibilityState === 'visible' && isValid());
  document.addEventListener('visibilitychange', shown);
  return { isValid, onInvalidated: (callback) => void onGone.push(callback) };
}
