/**
 * The page check's life in the page: whether the extension is still there, and when the address
 * changes without a reload. Only the browser can end it: the check stops when the extension's
 * runtime is gone (updated, disabled, removed), never because of anything a page dispatches or sets.
 * @module
 */
import { browser } from 'wxt/browser';

/** How often the address and the runtime are looked at (a string compare and a property read). */
const POLL_MS = 1000;

export interface Lifecycle {
  /** False once the extension went away: its APIs no longer answer this page. */
  isValid(): boolean;
  /** Runs `callback` once, when the extension goes away. */
  onInvalidated(callback: () => void): void;
  /** Runs `callback` when the address changes without a reload (pushState, replaceState, Back). */
  onLocationChange(callback: () => void): void;
}

export function createLifecycle(): Lifecycle {
  const onGone: Array<() => void> = [];
  const onMove: Array<() => void> = [];
  let valid = true;
  let href = location.href;
  const isValid = () => {
    if (!valid) return false;
    try {
      valid = browser.runtime?.id !== undefined;
    } catch {
      valid = false; // Chromium throws "Extension context invalidated" here
    }
    return valid;
  };
  const poll = () => {
    if (!isValid()) {
      clearInterval(interval);
      removeEventListener('popstate', moved);
      for (const callback of onGone.splice(0)) callback();
      return;
    }
    moved();
  };
  const moved = () => {
    if (location.href === href) return;
    href = location.href;
    for (const callback of onMove) callback();
  };
  const interval = setInterval(poll, POLL_MS);
  addEventListener('popstate', moved);
  return {
    isValid,
    onInvalidated: (callback) => void onGone.push(callback),
    onLocationChange: (callback) => void onMove.push(callback),
  };
}
