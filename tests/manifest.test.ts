/**
 * The built manifests ask for exactly the permissions on this list. Adding a permission or a host
 * fails this test until it is added here with the reason a user would accept.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_RULES, contentMatches } from '@/components/core/site-rules';
import { ruleContentScripts } from '@/components/core/site-rules/find-rule';

const ALLOWED_PERMISSIONS: Record<string, string> = {
  // Settings, dismissed sites, the policy cache and the report queue.
  storage: 'keeps the user settings and dismissals on this device',
  // Block mode only: the browser itself refuses installer downloads from Kaspersky's download hosts.
  declarativeNetRequest: 'blocks Kaspersky installer downloads when an admin sets enforcement "block"',
  // Retries queued enterprise reports on a schedule that survives the service worker sleeping.
  alarms: 'retries reports to the admin endpoint while it is down',
  // Registers the search-results script only after the user grants the optional search hosts.
  scripting: 'loads the full page check only into pages that could be Kaspersky pages, and marks search results once the user grants the search sites',
};

const ALLOWED_OPTIONAL_HOSTS: Record<string, string> = {
  // Asked for only when the user turns on search-result marking in options (or an admin does).
  '*://www.google.com/*': 'marks Kaspersky store results on Google',
  '*://www.bing.com/*': 'marks Kaspersky store results on Bing',
  '*://duckduckgo.com/*': 'marks Kaspersky store results on DuckDuckGo',
  '*://html.duckduckgo.com/*': "marks Kaspersky store results on DuckDuckGo's no-JavaScript page",
  // Asked for only when the user turns on "every site" in the options or the popup, in that click.
  '*://*/*': 'checks pages on sites without their own rule, only those whose address or title names Kaspersky',
};

type Target = 'chrome-mv3' | 'firefox-mv2' | 'chrome-mv3-org' | 'firefox-mv2-org';
function manifest(target: Target): Record<string, unknown> {
  const path = `.output/${target}/manifest.json`;
  const flags = `${target.startsWith('firefox') ? ' -b firefox' : ''}${target.endsWith('-org') ? ' --mode org' : ''}`;
  if (!existsSync(path)) execSync(`npx wxt build${flags}`, { stdio: 'ignore' });
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe.each(['chrome-mv3', 'firefox-mv2'] as const)('%s manifest', (target) => {
  const built = manifest(target);
  const permissions = (built.permissions as string[] | undefined) ?? [];

  it('asks only for listed API permissions', () => {
    const apis = permissions.filter((permission) => !permission.includes('://'));
    for (const permission of apis) expect(ALLOWED_PERMISSIONS, `unlisted permission "${permission}": justify it in tests/manifest.test.ts`).toHaveProperty(permission);
  });

  it('has no broad or unlisted host access', () => {
    const hosts = [...permissions.filter((p) => p.includes('://') || p === '<all_urls>'), ...((built.host_permissions as string[] | undefined) ?? [])];
    const optional = [...((built.optional_host_permissions as string[] | undefined) ?? []), ...((built.optional_permissions as string[] | undefined) ?? [])];
    // The covered sites themselves: the background injects the page check there on demand
    // (scripting.executeScript), which content-script matches alone do not allow.
    expect([...hosts].sort(), 'no host permissions beyond the content-script site list').toEqual(contentMatches(SITE_RULES));
    for (const host of optional) expect(ALLOWED_OPTIONAL_HOSTS, `unlisted optional host "${host}"`).toHaveProperty(host);
    expect(JSON.stringify(built)).not.toContain('<all_urls>');
  });

  it('runs the page check only on the covered sites, one rule per page, and nothing else by default', () => {
    const scripts = built.content_scripts as Array<{ matches: string[]; js: string[] }>;
    expect(scripts, 'stale build? run `npm run build` first').toEqual(ruleContentScripts(SITE_RULES));
    const covered = contentMatches(SITE_RULES).map((pattern) => pattern.slice(6, -2));
    for (const pattern of scripts.flatMap((script) => script.matches)) {
      const host = pattern.slice(6, -2);
      expect(covered.some((site) => host === site || host.endsWith(`.${site}`)), `${pattern} is outside the site list`).toBe(true);
    }
  });

  it('keeps search engines and every site optional', () => {
    const optional = target === 'chrome-mv3' ? built.optional_host_permissions : built.optional_permissions;
    expect([...(optional as string[])].sort()).toEqual(Object.keys(ALLOWED_OPTIONAL_HOSTS).sort());
  });

  it('exposes no web-accessible resources', () => {
    expect(built.web_accessible_resources ?? []).toEqual([]);
  });
});

describe.each(['chrome-mv3-org', 'firefox-mv2-org'] as const)('%s manifest (organisation package)', (target) => {
  const built = manifest(target);
  const store = manifest(target === 'chrome-mv3-org' ? 'chrome-mv3' : 'firefox-mv2');
  const hosts = (m: Record<string, unknown>) => [...((m.host_permissions as string[] | undefined) ?? []), ...((m.permissions as string[] | undefined) ?? []).filter((p) => p.includes('://'))];

  it('has access to all web pages from install, so policy allSites needs no user action', () => {
    expect(hosts(built)).toContain('*://*/*');
    expect(JSON.stringify(built)).not.toContain('<all_urls>');
  });

  it('differs from the store package only in its id, name and that access', () => {
    const strip = (m: Record<string, unknown>) => {
      const { key: _k, name: _n, browser_specific_settings: _b, host_permissions: _h, optional_host_permissions: _o, optional_permissions: _op, permissions, ...rest } = m;
      return { ...rest, permissions: ((permissions as string[] | undefined) ?? []).filter((p) => p !== '*://*/*') };
    };
    expect(strip(built)).toEqual(strip(store));
    if (target === 'chrome-mv3-org') expect(built.key, 'its own id').not.toBe(store.key);
    else expect((built.browser_specific_settings as { gecko: { id: string } }).gecko.id).toBe('kban-org@kban.dev');
  });
});
