import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_DEFAULTS, POLICY_KEYS } from '@/components/core/policy/policy';

describe('parsePolicy', () => {
  it('keeps every valid value', () => {
    const raw = { ...POLICY_DEFAULTS, region: 'us', enforcement: 'block', proceedMinutes: 1440, supportUrl: 'https://intranet.example.com/x', reportUrl: 'https://10.0.0.5:8443/in' };
    expect(parsePolicy(raw)).toEqual({ policy: raw, problems: [] });
  });

  it.each([
    ['region', 'everywhere', 'must be one of "auto", "us", "non-us"; ignored', 'one_of', ['"auto", "us", "non-us"']],
    ['region', 5, 'must be one of "auto", "us", "non-us"; ignored', 'one_of', ['"auto", "us", "non-us"']],
    ['enforcement', 'maybe', 'must be one of "warn", "block", "off"; ignored', 'one_of', ['"warn", "block", "off"']],
    ['enforcement', 'BLOCK', 'must be one of "warn", "block", "off"; ignored', 'one_of', ['"warn", "block", "off"']],
    ['allowProceed', 'yes', 'must be true or false; ignored', 'boolean', []],
    ['allowDismiss', 1, 'must be true or false; ignored', 'boolean', []],
    ['proceedMinutes', 0, 'must be a whole number from 1 to 1440; ignored', 'int_range', ['1', '1440']],
    ['proceedMinutes', 5000, 'must be a whole number from 1 to 1440; ignored', 'int_range', ['1', '1440']],
    ['proceedMinutes', 2.5, 'must be a whole number from 1 to 1440; ignored', 'int_range', ['1', '1440']],
    ['proceedMinutes', '30', 'must be a whole number from 1 to 1440; ignored', 'int_range', ['1', '1440']],
    ['organizationName', 'x'.repeat(101), 'must be at most 100 characters; ignored', 'too_long', ['100']],
    ['supportMessage', 42, 'must be a string; ignored', 'string', []],
    ['supportUrl', 'javascript:alert(1)', 'must be an http(s) URL; ignored', 'url', []],
    ['reportUrl', 'not a url', 'must be an http(s) URL; ignored', 'url', []],
    ['reportUrl', 'ftp://example.com/x', 'must be an http(s) URL; ignored', 'url', []],
    // Reports name the sites people visit: never in clear text across a network.
    ['reportUrl', 'http://siem.example.com/kban', 'must be an https URL (plain http only for localhost, 127.0.0.1 or [::1]); ignored', 'https_url', []],
    ['reportUrl', 'http://10.0.0.5:8080/in', 'must be an https URL (plain http only for localhost, 127.0.0.1 or [::1]); ignored', 'https_url', []],
    ['reportUrl', 'http://localhost.evil.example/in', 'must be an https URL (plain http only for localhost, 127.0.0.1 or [::1]); ignored', 'https_url', []],
    ['suppressFirstRun', null, 'must be true or false; ignored', 'boolean', []],
  ] as const)('%s = %j is ignored with a message', (key, value, message, code, params) => {
    const { policy, problems } = parsePolicy({ organizationName: 'ACME', [key]: value });
    expect(policy, 'the bad value is dropped, the good one kept').toEqual(key === 'organizationName' ? {} : { organizationName: 'ACME' });
    expect(problems, 'the options page words `code` + `params` in the UI language; `message` is for logs').toEqual([{ key, code, params, message }]);
  });

  it('reports unknown keys (e.g. a typo) and keeps the rest', () => {
    expect(parsePolicy({ enforcment: 'block', enforcement: 'warn' })).toEqual({
      policy: { enforcement: 'warn' },
      problems: [{ key: 'enforcment', code: 'unknown', params: [], message: 'unknown key, ignored' }],
    });
  });

  it.each([[[]], ['block'], [42], [true]])('a policy that is not an object (%j) is ignored as a whole', (raw) => {
    expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [{ key: '(policy)', code: 'not_object', params: [], message: 'is not an object; all of it was ignored' }] });
  });

  it.each([[undefined], [null], [{}]])('no policy (%j) is no problem', (raw) => {
    expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [] });
  });

  it('accepts an empty URL as "not set"', () => {
    expect(parsePolicy({ reportUrl: '', supportUrl: '' }).problems).toEqual([]);
    for (const local of ['http://localhost:8080/kban', 'http://127.0.0.1/in', 'http://[::1]:9000/x', 'HTTPS://siem.example.com/kban']) {
      expect(parsePolicy({ reportUrl: local }).problems, `${local} is allowed`).toEqual([]);
    }
  });

  it('knows every key of POLICY_DEFAULTS', () => {
    expect([...POLICY_KEYS].sort()).toEqual(Object.keys(POLICY_DEFAULTS).sort());
  });
});
