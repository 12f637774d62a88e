import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { resolveSettings } from '@/components/core/policy/settings';
import { decideRegion } from '@/components/core/region/detect-region';
import { engineForHost } from '@/components/core/search/search-engines';
import { pageLookup } from '@/components/core/i18n/page-messages';
import { t } from '@/components/platform/i18n';
import { readPageContext } from '@/components/platform/page-context';
import { readUserSettings } from '@/components/platform/settings-store';
import { markSearchResults } from './mark-results';

/**
 * Marks Kaspersky purchase and download results on search engines. Registered at run time only
 * (components/platform/search-registration.ts), when the user (or an admin) turned the feature on and
 * the user granted the host permission. A plain script, like the page check: no WXT content-script
 * context whose teardown event a page could fire, and nothing posted to the page.
 */
export default defineUnlistedScript({
  async main() {
    const engine = engineForHost(location.hostname);
    if (!engine || !engine.resultsPath.test(location.pathname + location.search)) return;
    // The same inputs as the page check: the policy the background validated and its time-zone region,
    // so a search page never waits on managed storage nor pays for Intl.
    const [user, context] = await Promise.all([readUserSettings(), readPageContext()]);
    const settings = resolveSettings(context?.policy ?? {}, user);
    if (!settings.searchResults || settings.enforcement === 'off') return;
    // Like the page check: only people the ban covers get badges.
    const region = decideRegion({ policy: settings.policy.region, user: user.region, zone: context?.zone ?? 'unknown' });
    if (!region.covered) return;
    const lookup = pageLookup(context?.messages, t);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let runs = 0;
    const run = () => {
      timer = undefined;
      runs++;
      markSearchResults(document, engine, location.href, lookup);
    };
    run();
    // Engines add results as the user scrolls: re-mark, throttled and bounded.
    const observer = new MutationObserver(() => {
      if (timer === undefined && runs < 100) timer = setTimeout(run, 500);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  },
});
