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
 * A DNR `requestDomains` entry also matches every subdomain, so hosts not named in §5 are covered
 * too. Blocked by domain, whatever the file is called. Only downloads and navigations: the script
 * Kaspersky's web protection injects from `…scr.kaspersky-labs.com` still loads (kban reads it as a trace).
 */
export const DOWNLOAD_HOSTS = ['kaspersky-labs.com', 'geo.kaspersky.com'] as const;

/** Kaspersky's web sites (and every host under them), where installer files are blocked anywhere in the path. */
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

/** Resource types a download or a navigation to a file arrives as (never page scripts, styles or images). */
export type DownloadResourceType = 'main_frame' | 'sub_frame' | 'xmlhttprequest' | 'other' | 'media' | 'object';

/** The subset of `chrome.declarativeNetRequest.Rule` these rules use (Chrome and Firefox both support it). */
export interface DownloadBlockRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: {
    regexFilter?: string;
    requestDomains: string[];
    excludedRequestDomains?: string[];
    resourceTypes: DownloadResourceType[];
  };
}

/** An alternation of file extensions, for a regex. */
const alternation = (extensions: readonly string[]) => extensions.map((ext) => ext.replace('.', '\\.')).join('|');
/**
 * A path segment ending in an installer extension, anywhere in the path. After the extension: the
 * end, the query, or what a server may strip before it opens the file: `/` (path info: `kis.exe/`),
 * `;` (path parameters: `kis.exe;v=1`), `%` (an escaped space, dot or NUL). RE2-compatible: no lookaround.
 */
const installerPath = (extensions: readonly string[]) => `^https?://[^/?#]+/[^?#]*\\.(?:${alternation(extensions)})(?:[/;%?#]|$)`;

/**
 * A percent-escape a server decodes to an ordinary file-name character (`kis.ex%65`, `kis%2Eexe`):
 * letters, digits, `.`, `-`, `_`, `~`, `/`, backslash, `;` and NUL. Browsers keep such escapes as written and
 * servers decode them, so an extension can be spelled past any pattern of plain names; real
 * addresses never escape these characters (RFC 3986 §2.3), so on Kaspersky's hosts any of them blocks.
 */
const ENCODED_NAME_CHARACTER = '^https?://[^/?#]+/[^?#]*%(?:00|2[def]|3[0-9b]|[46][1-9a-f]|[57][0-9a]|5c|5f|7e)';

/**
 * Kaspersky's removal tool (`media.kaspersky.com/utilities/…/kavremvr.exe`): people leaving
 * Kaspersky need it, so it stays reachable by its plain name (an escaped or suffixed name is blocked).
 */
const REMOVAL_TOOL = '^https?://[^/?#]+/(?:[^?#]*/)?(?:kavremvr|kavremover)[\\w.-]*\\.exe(?:\\?[^#]*)?$';

/**
 * Most extensions per installer rule. Chrome compiles `regexFilter` with RE2 under a 2 KB memory
 * limit; a download-segment pattern with all extensions in one rule exceeded it ("memoryLimitExceeded"
 * from `isRegexSupported`), so the extensions are split over several rules.
 */
export const VENDOR_RULE_EXTENSIONS = 6;

const RESOURCE_TYPES: DownloadResourceType[] = ['main_frame', 'sub_frame', 'xmlhttprequest', 'other', 'media', 'object'];

/**
 * The rules that stop installer downloads, for `declarativeNetRequest.updateDynamicRules`
 * (matching is case-insensitive, DNR's default):
 * - every download and navigation to Kaspersky's download hosts, whatever the file is called;
 * - installer files anywhere on Kaspersky's web sites, with suffixes servers strip;
 * - addresses on those sites that escape an ordinary file-name character;
 * - except the removal tool by its plain name (an allow rule of higher priority).
 * Exempt services are never blocked.
 *
 * @example downloadBlockRules()[0].id // 9100
 */
export function downloadBlockRules(): DownloadBlockRule[] {
  const exempt = { excludedRequestDomains: [...EXEMPT_DOMAINS], resourceTypes: RESOURCE_TYPES };
  const rules: DownloadBlockRule[] = [
    { id: DOWNLOAD_RULE_ID_BASE, priority: 1, action: { type: 'block' }, condition: { requestDomains: [...DOWNLOAD_HOSTS], ...exempt } },
    { id: DOWNLOAD_RULE_ID_BASE + 1, priority: 2, action: { type: 'allow' }, condition: { regexFilter: REMOVAL_TOOL, requestDomains: [...VENDOR_SITE_DOMAINS], ...exempt } },
    { id: DOWNLOAD_RULE_ID_BASE + 2, priority: 1, action: { type: 'block' }, condition: { regexFilter: ENCODED_NAME_CHARACTER, requestDomains: [...VENDOR_SITE_DOMAINS], ...exempt } },
  ];
  for (let start = 0; start < INSTALLER_EXTENSIONS.length; start += VENDOR_RULE_EXTENSIONS) {
    const extensions = INSTALLER_EXTENSIONS.slice(start, start + VENDOR_RULE_EXTENSIONS);
    rules.push({
      id: DOWNLOAD_RULE_ID_BASE + rules.length,
      priority: 1,
      action: { type: 'block' },
      condition: { regexFilter: installerPath(extensions), requestDomains: [...VENDOR_SITE_DOMAINS], ...exempt },
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
 * Evaluates the rules against a URL the way the browser would (highest priority wins, allow beats
 * block at equal priority; for tests and for the docs' examples); returns the id of the blocking
 * rule, or undefined when the request goes through.
 */
export function matchDownloadRule(url: string, rules: DownloadBlockRule[] = downloadBlockRules(), type: DownloadResourceType | 'script' | 'stylesheet' | 'image' = 'main_frame'): number | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const matching = rules.filter((rule) => {
    const { requestDomains, excludedRequestDomains = [], regexFilter, resourceTypes } = rule.condition;
    if (!(resourceTypes as string[]).includes(type)) return false;
    if (!requestDomains.some((domain) => domainMatches(host, domain))) return false;
    if (excludedRequestDomains.some((domain) => domainMatches(host, domain))) return false;
    return regexFilter === undefined || new RegExp(regexFilter, 'i').test(url);
  });
  const top = Math.max(...matching.map((rule) => rule.priority));
  const winners = matching.filter((rule) => rule.priority === top);
  if (!winners.length || winners.some((rule) => rule.action.type === 'allow')) return undefined;
  return winners[0]!.id;
}

/**
 * Whether installer downloads should be blocked: only in block mode, and only for users the ban
 * covers (the same region decision the page check uses).
 */
export function isDownloadBlockingWanted(input: { enforcement: 'warn' | 'block' | 'off'; covered: boolean }): boolean {
  return input.enforcement === 'block' && input.covered;
}
