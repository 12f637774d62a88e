/**
 * Browser-level blocking of Kaspersky installer downloads (`declarativeNetRequest` rules),
 * switched on in block mode only. Pure data: `components/platform/download-blocking.ts`
 * installs these as dynamic rules. Hosts from ban-facts §5 (domains table).
 * @module
 */

/** File types that are installers or installer archives. */
export const INSTALLER_EXTENSIONS = [
  'exe', 'msi', 'msp', 'dmg', 'pkg', 'mpkg', 'apk', 'xapk', 'aab', 'ipa',
  'zip', '7z', 'rar', 'deb', 'rpm', 'iso', 'img', 'run', 'sh', 'bin', 'tgz', 'tar.gz',
] as const;

/**
 * Kaspersky's installer distribution hosts (ban-facts §5): `products.s`, `aes`, `aes.s`,
 * `devbuilds`, `dnl-test`, … all under `kaspersky-labs.com`; `dnl-NN.geo.kaspersky.com`.
 * A DNR `requestDomains` entry also matches every subdomain.
 */
export const DOWNLOAD_HOSTS = ['kaspersky-labs.com', 'geo.kaspersky.com'] as const;

/** Kaspersky's web sites, where an installer file under a download path is blocked too. */
export const VENDOR_SITE_DOMAINS = [
  'kaspersky.com', 'kaspersky.co.uk', 'kaspersky.de', 'kaspersky.fr', 'kaspersky.it', 'kaspersky.es',
  'kaspersky.nl', 'kaspersky.se', 'kaspersky.dk', 'kaspersky.fi', 'kaspersky.pt', 'kaspersky.gr',
  'kaspersky.cz', 'kaspersky.ro', 'kaspersky.rs', 'kaspersky.pl', 'kaspersky.com.pl', 'kaspersky.com.tr',
  'kaspersky.ca', 'kaspersky.be', 'kaspersky.co.in', 'kaspersky.co.jp', 'kaspersky.co.kr', 'kaspersky.co.th',
  'kaspersky.co.za', 'kaspersky.com.au', 'kaspersky.com.br', 'kaspersky.com.cn', 'kaspersky.com.hk',
  'kaspersky.com.tw', 'kaspersky.com.vn', 'kaspersky.my', 'kaspersky.kz', 'kaspersky.dz', 'kaspersky.ma',
  'kaspersky.ru',
] as const;

/**
 * Exempt services (ban-facts §4: threat intelligence, security training) are never blocked,
 * even though they live under the vendor's domains.
 */
export const EXEMPT_DOMAINS = ['tip.kaspersky.com', 'opentip.kaspersky.com', 'xtraining.kaspersky.com', 'k-asap.com'] as const;

/** First id of the enterprise rule block; other features must use ids outside this range. */
export const DOWNLOAD_RULE_ID_BASE = 9100;
/** How many ids the enterprise block reserves (removed together when blocking is switched off). */
export const DOWNLOAD_RULE_ID_COUNT = 10;

/** The subset of `chrome.declarativeNetRequest.Rule` these rules use (Chrome and Firefox both support it). */
export interface DownloadBlockRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: {
    regexFilter: string;
    requestDomains: string[];
    excludedRequestDomains?: string[];
    resourceTypes: Array<'main_frame' | 'sub_frame' | 'xmlhttprequest' | 'other' | 'media' | 'object'>;
  };
}

/** An alternation of file extensions, for a regex. */
const alternation = (extensions: readonly string[]) => extensions.map((ext) => ext.replace('.', '\\.')).join('|');
/** Path ends in an installer extension (query and fragment allowed after it). RE2-compatible: no lookaround. */
const installerPath = (extensions: readonly string[]) => `\\.(?:${alternation(extensions)})(?:[?#]|$)`;

/**
 * Most extensions per vendor-site rule. Chrome compiles `regexFilter` with RE2 under a 2 KB memory
 * limit; the vendor pattern (download segment, then any path, then the extension) exceeded it with
 * all extensions in one rule ("memoryLimitExceeded" from `isRegexSupported`), and fits with 6.
 */
export const VENDOR_RULE_EXTENSIONS = 6;

const RESOURCE_TYPES: DownloadBlockRule['condition']['resourceTypes'] = ['main_frame', 'sub_frame', 'xmlhttprequest', 'other', 'media', 'object'];

/**
 * The rules that stop installer downloads, for `declarativeNetRequest.updateDynamicRules`:
 * any installer file on the download hosts, and installer files below a download path on the
 * vendor's web sites. Matching is case-insensitive (DNR's default).
 *
 * @example downloadBlockRules()[0].id // 9100
 */
export function downloadBlockRules(): DownloadBlockRule[] {
  const rules: DownloadBlockRule[] = [
    {
      id: DOWNLOAD_RULE_ID_BASE,
      priority: 1,
      action: { type: 'block' },
      condition: {
        regexFilter: `^https?://[^?#]*${installerPath(INSTALLER_EXTENSIONS)}`,
        requestDomains: [...DOWNLOAD_HOSTS],
        excludedRequestDomains: [...EXEMPT_DOMAINS],
        resourceTypes: RESOURCE_TYPES,
      },
    },
  ];
  for (let start = 0; start < INSTALLER_EXTENSIONS.length; start += VENDOR_RULE_EXTENSIONS) {
    const extensions = INSTALLER_EXTENSIONS.slice(start, start + VENDOR_RULE_EXTENSIONS);
    rules.push({
      id: DOWNLOAD_RULE_ID_BASE + rules.length,
      priority: 1,
      action: { type: 'block' },
      condition: {
        regexFilter: `^https?://[^/]+/(?:[^?#]*/)?(?:downloads?|devbuilds|thank-you|distr|installers?)/[^?#]*${installerPath(extensions)}`,
        requestDomains: [...VENDOR_SITE_DOMAINS],
        excludedRequestDomains: [...EXEMPT_DOMAINS],
        resourceTypes: RESOURCE_TYPES,
      },
    });
  }
  return rules;
}

/** Every rule id the enterprise block may own, for removal. */
export function downloadRuleIds(): number[] {
  return Array.from({ length: DOWNLOAD_RULE_ID_COUNT }, (_, index) => DOWNLOAD_RULE_ID_BASE + index);
}

/** True when `domain` is `host` or a parent domain of it (DNR `requestDomains` semantics). */
function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Evaluates the rules against a URL the way the browser would (for tests and for the docs'
 * examples); returns the id of the blocking rule, or undefined.
 */
export function matchDownloadRule(url: string, rules: DownloadBlockRule[] = downloadBlockRules()): number | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (const rule of rules) {
    const { requestDomains, excludedRequestDomains = [], regexFilter } = rule.condition;
    if (!requestDomains.some((domain) => domainMatches(host, domain))) continue;
    if (excludedRequestDomains.some((domain) => domainMatches(host, domain))) continue;
    if (new RegExp(regexFilter, 'i').test(url)) return rule.id;
  }
  return undefined;
}

/**
 * Whether installer downloads should be blocked: only in block mode, and only for users the ban
 * covers (the same region decision the page check uses).
 */
export function isDownloadBlockingWanted(input: { enforcement: 'warn' | 'block' | 'off'; covered: boolean }): boolean {
  return input.enforcement === 'block' && input.covered;
}
