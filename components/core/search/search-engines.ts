/**
 * Search engines whose result pages can be marked, once the user (or an admin) turns it on and
 * the user grants the host permission. One engine per entry: where its results are and how its
 * result links point to the real page.
 * @module
 */

export interface SearchEngine {
  id: 'google' | 'bing' | 'duckduckgo';
  /** Match patterns for the optional host permission and the runtime content script. */
  matches: string[];
  /** Result-page paths. */
  resultsPath: RegExp;
  /** A result's title link. */
  resultLink: string;
  /** The block of one result, to put the badge in (closest ancestor of the link). */
  resultBlock: string;
}

export const SEARCH_ENGINES: readonly SearchEngine[] = [
  {
    id: 'bing',
    matches: ['*://www.bing.com/*'],
    resultsPath: /^\/search/,
    resultLink: '#b_results li.b_algo h2 a[href]',
    resultBlock: 'li.b_algo',
  },
  {
    id: 'duckduckgo',
    // duckduckgo.com is the JavaScript results page; html.duckduckgo.com/html/ the no-JavaScript one.
    matches: ['*://duckduckgo.com/*', '*://html.duckduckgo.com/*'],
    resultsPath: /^\/(?:html\/?)?(?:\?|$)/,
    resultLink: 'article[data-testid="result"] a[data-testid="result-title-a"][href], .result a.result__a[href]',
    resultBlock: 'article[data-testid="result"], .result',
  },
  {
    id: 'google',
    matches: ['*://www.google.com/*'],
    resultsPath: /^\/search/,
    // Desktop results (#search/#rso, direct links), then the basic HTML page (#main .egMi0, /url?q= links).
    resultLink: '#search a[href]:has(h3), #rso a[href]:has(h3), #main .egMi0 > a[href]:has(h3)',
    resultBlock: 'div.MjjYud, div.g, div[data-hveid], div.Gx5Zad',
  },
];

/** All engines' match patterns (the optional host permissions). */
export const SEARCH_MATCHES: readonly string[] = SEARCH_ENGINES.flatMap((engine) => engine.matches);

/** The engine for a host, if it is one. */
export function engineForHost(host: string): SearchEngine | undefined {
  return SEARCH_ENGINES.find((engine) => engine.matches.some((pattern) => pattern.slice(4, -2) === host));
}

/**
 * The real destination of a result link: unwraps Google's `/url?q=`, Bing's `/ck/a?…&u=a1<base64>`
 * and DuckDuckGo's `/l/?uddg=` redirects. Returns '' when it can't tell.
 */
export function resultDestination(href: string, base: string): string {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return '';
  }
  const host = url.hostname;
  if (/(^|\.)google\.com$/.test(host) && url.pathname === '/url') return url.searchParams.get('q') ?? url.searchParams.get('url') ?? '';
  if (/(^|\.)duckduckgo\.com$/.test(host) && url.pathname.startsWith('/l/')) return url.searchParams.get('uddg') ?? '';
  if (/(^|\.)bing\.com$/.test(host) && url.pathname === '/ck/a') {
    const encoded = url.searchParams.get('u') ?? '';
    if (!encoded.startsWith('a1')) return '';
    try {
      return atob(encoded.slice(2).replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      return '';
    }
  }
  return url.href;
}
