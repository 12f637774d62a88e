/**
 * Enterprise policy: the keys an admin can set in managed storage, their defaults, and validation.
 * `public/managed_schema.json` describes the same keys for Chrome and Edge (a test keeps them in step).
 * @module
 */

export type Enforcement = 'warn' | 'block' | 'off';

export interface Policy {
  /** Who is covered: `auto` decides from the time zone (or the user's answer). */
  region: 'auto' | 'us' | 'non-us';
  /** `warn` shows a notice, `block` covers the page, `off` does nothing. */
  enforcement: Enforcement;
  /** Users may dismiss a warning notice for a site. */
  allowDismiss: boolean;
  /** Users may proceed past a block screen. */
  allowProceed: boolean;
  /** How long a proceed lasts, in minutes. */
  proceedMinutes: number;
  /** The organisation's name, shown in the notice, block screen and popup. */
  organizationName: string;
  /** A short message from the organisation (e.g. which security software to use instead). */
  supportMessage: string;
  /** A link from the organisation (e.g. its approved security software). */
  supportUrl: string;
  /** Where flagged and blocked visits are reported as JSON; empty sends nothing. */
  reportUrl: string;
  /** Include the page address in reports (otherwise only the site); without its query unless `reportPageQuery`, never with its fragment. */
  reportPageUrl: boolean;
  /** Keep the query of the page address in reports (it can carry search terms, tokens, e-mail addresses). */
  reportPageQuery: boolean;
  /** Report that Kaspersky software appears active on the machine. */
  reportKasperskyActive: boolean;
  /** Mark Kaspersky purchase and download results on Google, Bing and DuckDuckGo. */
  searchResults: boolean;
  /** Never open a first-run page. */
  suppressFirstRun: boolean;
  /** Check pages on every site, not only the listed ones; takes effect wherever the extension has access to all sites. */
  allSites: boolean;
}

export const POLICY_DEFAULTS: Readonly<Policy> = {
  region: 'auto',
  enforcement: 'warn',
  allowDismiss: true,
  allowProceed: false,
  proceedMinutes: 60,
  organizationName: '',
  supportMessage: '',
  supportUrl: '',
  reportUrl: '',
  reportPageUrl: false,
  reportPageQuery: false,
  reportKasperskyActive: false,
  searchResults: false,
  suppressFirstRun: false,
  allSites: false,
};

/** What is wrong with a value; the options page words it through i18n (`options_problem_<code>`). */
export type PolicyProblemCode = 'unknown' | 'not_object' | 'one_of' | 'boolean' | 'string' | 'too_long' | 'int_range' | 'url' | 'https_url';

type Found = Omit<PolicyProblem, 'key'>;
type Check = (value: unknown) => Found | undefined;

const found = (code: PolicyProblemCode, message: string, params: string[] = []): Found => ({ code, params, message });
const oneOf = (...allowed: string[]): Check => (value) => {
  if (typeof value === 'string' && allowed.includes(value)) return undefined;
  const list = allowed.map((v) => `"${v}"`).join(', ');
  return found('one_of', `must be one of ${list}`, [list]);
};
const bool: Check = (value) => (typeof value === 'boolean' ? undefined : found('boolean', 'must be true or false'));
const text = (max: number): Check => (value) =>
  typeof value !== 'string' ? found('string', 'must be a string') : value.length > max ? found('too_long', `must be at most ${max} characters`, [String(max)]) : undefined;
const intRange = (min: number, max: number): Check => (value) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : found('int_range', `must be a whole number from ${min} to ${max}`, [String(min), String(max)]);
const webUrl: Check = (value) => {
  if (value === '') return undefined;
  const bad = found('url', 'must be an http(s) URL');
  if (typeof value !== 'string' || value.length > 2048) return bad;
  return /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(value) ? undefined : bad;
};
/** Where reports go: https only (they name the sites people visit), plain http only to this machine. */
const reportEndpoint: Check = (value) => {
  const problem = webUrl(value);
  if (problem || value === '') return problem;
  return /^https:/i.test(value as string) || /^http:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?:[:/?#]|$)/i.test(value as string)
    ? undefined
    : found('https_url', 'must be an https URL (plain http only for localhost, 127.0.0.1 or [::1])');
};

// `@__PURE__` lets bundles that only need POLICY_DEFAULTS (the content script) drop the validators.
const CHECKS: Record<keyof Policy, Check> = {
  region: /* @__PURE__ */ oneOf('auto', 'us', 'non-us'),
  enforcement: /* @__PURE__ */ oneOf('warn', 'block', 'off'),
  allowDismiss: bool,
  allowProceed: bool,
  proceedMinutes: /* @__PURE__ */ intRange(1, 1440),
  organizationName: /* @__PURE__ */ text(100),
  supportMessage: /* @__PURE__ */ text(500),
  supportUrl: webUrl,
  reportUrl: reportEndpoint,
  reportPageUrl: bool,
  reportPageQuery: bool,
  reportKasperskyActive: bool,
  searchResults: bool,
  suppressFirstRun: bool,
  allSites: bool,
};

/** The policy keys, in schema order. */
export const POLICY_KEYS = /* @__PURE__ */ Object.keys(CHECKS) as Array<keyof Policy>;

/**
 * A problem found in the admin's policy: which key, what is wrong (`code` and its `params`, worded by
 * the options page in the UI language), and the same in English for logs (`message`).
 */
export interface PolicyProblem {
  key: string;
  code: PolicyProblemCode;
  params: string[];
  message: string;
}

/**
 * Keeps the known, well-typed keys of a raw managed-storage object and reports the rest.
 * Never throws, whatever it is given.
 *
 * @example parsePolicy({ enforcement: 'block', colour: 'red' })
 * // → { policy: { enforcement: 'block' }, problems: [{ key: 'colour', code: 'unknown', params: [], message: 'unknown key, ignored' }] }
 */
export function parsePolicy(raw: unknown): { policy: Partial<Policy>; problems: PolicyProblem[] } {
  const policy: Partial<Policy> = {};
  const problems: PolicyProblem[] = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, problems: [{ key: '(policy)', code: 'not_object', params: [], message: 'is not an object; all of it was ignored' }] };
  }
  for (const key of Object.keys(raw)) {
    const value = (raw as Record<string, unknown>)[key];
    if (!Object.prototype.hasOwnProperty.call(CHECKS, key)) {
      problems.push({ key: key.slice(0, 60), code: 'unknown', params: [], message: 'unknown key, ignored' });
      continue;
    }
    const problem = CHECKS[key as keyof Policy](value);
    if (problem) problems.push({ key, ...problem, message: `${problem.message}; ignored` });
    else (policy as Record<string, unknown>)[key] = value;
  }
  return { policy, problems };
}
