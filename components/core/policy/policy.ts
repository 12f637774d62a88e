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
};

type Check = (value: unknown) => string | undefined;

const oneOf = (...allowed: string[]): Check => (value) =>
  typeof value === 'string' && allowed.includes(value) ? undefined : `must be one of ${allowed.map((v) => `"${v}"`).join(', ')}`;
const bool: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');
const text = (max: number): Check => (value) =>
  typeof value !== 'string' ? 'must be a string' : value.length > max ? `must be at most ${max} characters` : undefined;
const intRange = (min: number, max: number): Check => (value) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : `must be a whole number from ${min} to ${max}`;
const webUrl: Check = (value) => {
  if (value === '') return undefined;
  if (typeof value !== 'string' || value.length > 2048) return 'must be an http(s) URL';
  return /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(value) ? undefined : 'must be an http(s) URL';
};
/** Where reports go: https only (they name the sites people visit), plain http only to this machine. */
const reportEndpoint: Check = (value) => {
  const problem = webUrl(value);
  if (problem || value === '') return problem;
  return /^https:/i.test(value as string) || /^http:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?:[:/?#]|$)/i.test(value as string)
    ? undefined
    : 'must be an https URL (plain http only for localhost, 127.0.0.1 or [::1])';
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
};

/** The policy keys, in schema order. */
export const POLICY_KEYS = /* @__PURE__ */ Object.keys(CHECKS) as Array<keyof Policy>;

/** A problem found in the admin's policy: which key, and what is wrong, in words for the options page. */
export interface PolicyProblem {
  key: string;
  message: string;
}

/**
 * Keeps the known, well-typed keys of a raw managed-storage object and reports the rest.
 * Never throws, whatever it is given.
 *
 * @example parsePolicy({ enforcement: 'block', colour: 'red' })
 * // → { policy: { enforcement: 'block' }, problems: [{ key: 'colour', message: 'unknown key, ignored' }] }
 */
export function parsePolicy(raw: unknown): { policy: Partial<Policy>; problems: PolicyProblem[] } {
  const policy: Partial<Policy> = {};
  const problems: PolicyProblem[] = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, problems: [{ key: '(policy)', message: 'is not an object; all of it was ignored' }] };
  }
  for (const key of Object.keys(raw)) {
    const value = (raw as Record<string, unknown>)[key];
    if (!Object.prototype.hasOwnProperty.call(CHECKS, key)) {
      problems.push({ key: key.slice(0, 60), message: 'unknown key, ignored' });
      continue;
    }
    const problem = CHECKS[key as keyof Policy](value);
    if (problem) problems.push({ key, message: `${problem}; ignored` });
    else (policy as Record<string, unknown>)[key] = value;
  }
  return { policy, problems };
}
