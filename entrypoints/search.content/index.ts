import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectRegion } from '@/components/core/region/detect-region';
import { SEARCH_MATCHES, engineForHost } from '@/components/core/search/search-engines';
import { readEffectiveSettings } from '@/components/platform/settings-store';
import { markSearchResults } from './mark-results';

/**
 * Marks Kaspersky purchase and download results on search engines. Registered at run time only,
 * when the user (or an admin) turned the feature on and the user granted the host permission.
 */
export default defineContentScript({
  matches: [...SEARCH_MATCHES],
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    const engine = engineForHost(location.hostname);
    if (!engine || !engine.resultsPath.test(location.pathname + location.search)) return;
    const settings = await readEffectiveSettings();
    if (!settings.searchResults || settings.enforcement === 'off') return;
    // Like the page check: only people the ban covers get badges.
    const region = detectRegion({ policy: settings.managed.policy.region, user: settings.user.region, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    if (!region.covered) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let runs = 0;
    const run = () => {
      timer = undefined;
      runs++;
      markSearchResults(document, engine, location.href);
    };
    run();
    // Engines add results as the user scrolls: re-mark, throttled and bounded.
    const observer = new MutationObserver(() => {
      if (timer === undefined && runs < 100) timer = setTimeout(run, 500);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    });
  },
});
