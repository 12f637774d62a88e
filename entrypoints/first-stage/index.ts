import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { injectedRule } from '@/components/core/site-rules/find-rule';
import { couldBeKaspersky } from './could-be-kaspersky';

/**
 * Stage one of three (first stage → page check → notice): what the manifest injects into every page
 * of a covered site whose address does not name Kaspersky. It does the cheap test at
 * DOMContentLoaded and again, throttled and bounded, as the page changes (late rendering, pushState);
 * the first time it passes, it asks the background for the page check, and its work is done.
 * No polyfill, no classifier, no UI: most pages of a store are about something else, and they pay
 * for this file only.
 */
declare const chrome: { runtime: { sendMessage(message: unknown): unknown } };

/** This frame's first stage: 'watching' until the cheap test passes, then 'asked' (read by the e2e harness). */
const STATE = Symbol.for('kban.first-stage');
const PROBE_DELAY_MS = 400;
const MAX_PROBES_PER_URL = 60;

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const rule = injectedRule();
  if (scope[STATE] !== undefined || !rule) return;
  scope[STATE] = 'watching';

  let timer: ReturnType<typeof setTimeout> | undefined;
  let url = '';
  let probes = 0;
  const observer = new MutationObserver(() => {
    if (timer === undefined) timer = setTimeout(probe, PROBE_DELAY_MS);
  });
  function probe() {
    timer = undefined;
    if (location.href !== url) ((url = location.href), (probes = 0));
    if (probes++ >= MAX_PROBES_PER_URL || !couldBeKaspersky(document, rule!, location)) return;
    observer.disconnect();
    removeEventListener('popstate', probe);
    scope[STATE] = 'asked';
    try {
      // Fire and forget: the background answers by injecting the page check into this frame.
      void (chrome.runtime.sendMessage({ type: 'kban:load-check' }) as Promise<unknown> | undefined)?.catch?.(() => {});
    } catch {
      // The extension went away (updated or removed): nothing to load.
    }
  }
  const start = () => {
    observer.observe(document, { childList: true, subtree: true });
    addEventListener('popstate', probe);
    probe();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
});
