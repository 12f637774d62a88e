// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLifecycle } from '@/entrypoints/page-check/lifecycle';

/** The extension going away as Chromium shows it to an orphaned content script: reading the runtime throws. */
function removeExtension() {
  vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockImplementation(() => {
    throw new Error('Extension context invalidated.');
  });
}

function setVisibility(state: 'visible' | 'hidden') {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => vi.restoreAllMocks());

describe('createLifecycle', () => {
  it('is valid while the runtime answers, and runs no timer to find out', () => {
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    const life = createLifecycle();
    expect(life.isValid()).toBe(true);
    expect(intervals).not.toHaveBeenCalled();
    expect(timeouts).not.toHaveBeenCalled();
  });

  it('once the extension is gone, the first look runs the clean-up callbacks, once', () => {
    const life = createLifecycle();
    const cleanUp = vi.fn();
    life.onInvalidated(cleanUp);
    removeExtension();
    expect(life.isValid()).toBe(false);
    expect(life.isValid()).toBe(false);
    expect(cleanUp).toHaveBeenCalledOnce();
  });

  it('looks when the tab is shown again, so a notice left by a removed kban goes when the user comes back', () => {
    const life = createLifecycle();
    const cleanUp = vi.fn();
    life.onInvalidated(cleanUp);
    removeExtension();
    setVisibility('hidden');
    expect(cleanUp, 'a hidden tab is not looked at').not.toHaveBeenCalled();
    setVisibility('visible');
    expect(cleanUp).toHaveBeenCalledOnce();
    setVisibility('visible');
    expect(cleanUp, 'the listener went with the first clean-up').toHaveBeenCalledOnce();
  });

  it('an event the page dispatches cannot end it while the extension is there', () => {
    const life = createLifecycle();
    const cleanUp = vi.fn();
    life.onInvalidated(cleanUp);
    for (let i = 0; i < 5; i++) setVisibility('visible');
    expect(cleanUp).not.toHaveBeenCalled();
    expect(life.isValid()).toBe(true);
  });
});
