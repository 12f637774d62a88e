/** Rule delivery: every covered host gets exactly its own rule, and a serialized rule is the rule. */
import { describe, expect, it } from 'vitest';
import { SITE_RULES } from '@/components/core/site-rules';
import { EARLY_URL_GLOBS, SCRIPTS, findRule, injectedRule, onListedSite, pageCheckScripts, ruleContentScripts, scriptsForPlan, serializeRule, type RuleContentScript } from '@/components/core/site-rules/find-rule';
import { GENERIC_RULE } from '@/components/core/site-rules/generic';
import type { SiteRule } from '@/components/core/classifier/types';

/** Chrome's match-pattern semantics for the `*://*.host/*` patterns we generate. */
function matches(pattern: string, host: string): boolean {
  const base = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!base) throw new Error(`unexpected pattern ${pattern}`);
  return host === base || host.endsWith(`.${base}`);
}

/** Chrome's content-script glob semantics: the whole URL, `*` any run, `?` one character, case-sensitive. */
function globMatches(glob: string, url: string): boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(url);
}

/** Whether the browser injects `entry` into a page at `url`. */
function injects(entry: RuleContentScript, url: string): boolean {
  const host = new URL(url).hostname;
  if (!entry.matches.some((p) => matches(p, host)) || (entry.exclude_matches ?? []).some((p) => matches(p, host))) return false;
  if (entry.include_globs && !entry.include_globs.some((glob) => globMatches(glob, url))) return false;
  return !(entry.exclude_globs ?? []).some((glob) => globMatches(glob, url));
}

const entries = ruleContentScripts(SITE_RULES);
const sampleHosts = SITE_RULES.flatMap((rule) => rule.hosts.flatMap((host) => [host, `www.${host}`, `deep.sub.${host}`]));
const samplePaths = ['/', '/Kaspersky-Premium-Total-Security/dp/B0BHVJ4QT3', '/site/kaspersky-standard-3-devices/6523456.p?skuId=6523456', '/s?k=kaspersky', '/Norton-360/dp/B0C7S1X2LN/ref=sr_1_4?keywords=kaspersky&qid=1'];

describe('ruleContentScripts', () => {
  it.each(sampleHosts)('%s gets exactly one entry on every address, carrying its own rule', (host) => {
    for (const path of samplePaths) {
      const url = `https://${host}${path}`;
      const hits = entries.filter((entry) => injects(entry, url));
      expect(hits.length, `${url} is matched by ${hits.map((hit) => `${hit.js[0]} ${hit.run_at}`).join(', ') || 'nothing'}`).toBe(1);
      const rule = findRule(host, SITE_RULES)!;
      const named = rule.hosts.every((own) => own.includes('kaspersky')) || EARLY_URL_GLOBS.some((glob) => globMatches(glob, url));
      const stages = named ? [SCRIPTS.notice, ...(rule.structuredData === false ? [] : [SCRIPTS.structuredData]), SCRIPTS.pageCheck] : [SCRIPTS.firstStage];
      expect(hits[0]!.js, 'its own rule first, then the notice, the structured-data reader where the rule reads it, and the page check (address names Kaspersky), or the first stage').toEqual([`site-rules/${findRule(host, SITE_RULES)!.id}.js`, ...stages]);
      expect(hits[0]!.all_frames, 'a framed Kaspersky page is checked too').toBe(true);
    }
  });

  it.each([
    ['https://www.amazon.com/Kaspersky-Premium-Total-Security/dp/B0BHVJ4QT3', 'page-check.js'],
    ['https://www.amazon.com/Kaspersky-Premium-Total-Security/dp/B0BHVJ4QT3/ref=sr_1_1?keywords=kaspersky', 'page-check.js'],
    ['https://www.bestbuy.com/site/kaspersky-standard-3-devices/6523456.p?skuId=6523456', 'page-check.js'],
    ['https://www.newegg.com/kaspersky-premium-5-devices/p/N82E16832250123', 'page-check.js'],
    ['https://www.kaspersky.com/', 'page-check.js'],
    ['https://usa.kaspersky.com/premium', 'page-check.js'],
    ['https://www.amazon.com/dp/B0BHVJ4QT3', 'first-stage.js'],
    ['https://www.amazon.com/Norton-360/dp/B0C7S1X2LN/ref=sr_1_4?keywords=kaspersky&qid=1', 'first-stage.js'],
    ['https://www.amazon.com/s?k=kaspersky', 'first-stage.js'],
    ['https://play.google.com/store/apps/details?id=com.kms.free&hl=en_US', 'page-check.js'],
    ['https://play.google.com/store/apps/details?id=com.kaspersky.safekids', 'page-check.js'],
    ['https://play.google.com/store/apps/details?id=com.avast.android.mobilesecurity&hl=en_US', 'first-stage.js'],
    ['https://play.google.com/store/search?q=kaspersky&c=apps', 'first-stage.js'],
    ['https://apkpure.com/who-calls-caller-id-block/com.kaspersky.who_calls', 'page-check.js'],
    ['https://apkpure.net/vpn-antivirus/com.kms.free/download', 'page-check.js'],
    ['https://apkpure.com/avast-antivirus-security/com.avast.android.mobilesecurity', 'first-stage.js'],
    ['https://www.amazon.de/Kaspersky-Premium-Total-Security-Aktivierungscode/dp/B0BG5W4PZ8', 'page-check.js'],
    ['https://www.amazon.co.jp/dp/B0BGHJ7L4K', 'first-stage.js'],
    ['https://kaspersky-free-antivirus.softonic.de/', 'page-check.js'],
    ['https://www.bestbuy.com/site/norton-360-deluxe/6432431.p', 'first-stage.js'],
  ])('%s gets %s', (url, script) => {
    const hits = entries.filter((entry) => injects(entry, url));
    expect(hits.map((hit) => hit.js.at(-1)), 'an address whose path names Kaspersky gets the page check at once; others the first stage').toEqual([script]);
  });

  it('early globs need a "/" after the name, so a query that mentions Kaspersky stays on the late path', () => {
    expect(EARLY_URL_GLOBS.some((glob) => globMatches(glob, 'https://x.test/p?q=kaspersky'))).toBe(false);
    expect(EARLY_URL_GLOBS.some((glob) => globMatches(glob, 'https://x.test/Kaspersky-Plus/p'))).toBe(true);
  });

  it('never matches hosts outside the rules', () => {
    for (const host of ['example.com', 'notamazon.com', 'kaspersky.com.evil.net', 'securelist.com']) {
      expect(entries.some((entry) => entry.matches.some((p) => matches(p, host))), host).toBe(false);
    }
  });
});

describe('pageCheckScripts', () => {
  it('gives each page check the readers its rule needs, and the warning bar on listed sites only', () => {
    expect(pageCheckScripts(findRule('www.amazon.com', SITE_RULES)!), 'Amazon pages carry no structured data').toEqual(['notice.js', 'page-check.js']);
    expect(pageCheckScripts(findRule('www.bestbuy.com', SITE_RULES)!)).toEqual(['notice.js', 'structured-data.js', 'page-check.js']);
    expect(pageCheckScripts(GENERIC_RULE), '"every site" mode: the generic reader; the bar comes with a plan that needs it').toEqual(['generic-check.js', 'structured-data.js', 'page-check.js']);
  });
});

describe('scriptsForPlan', () => {
  const warn = { notice: { mode: 'warn' as const }, markTiles: false };
  const block = { notice: { mode: 'block' as const }, markTiles: false };
  const listing = { markTiles: true };

  it('names the code a plan needs that the frame lacks', () => {
    expect(scriptsForPlan(warn)).toEqual([SCRIPTS.notice]);
    expect(scriptsForPlan(block)).toEqual([SCRIPTS.blockScreen]);
    expect(scriptsForPlan(listing)).toEqual([SCRIPTS.listing]);
    expect(scriptsForPlan({ ...block, markTiles: true })).toEqual([SCRIPTS.blockScreen, SCRIPTS.listing]);
  });

  it('names nothing the frame has, and nothing for a plan that shows nothing', () => {
    expect(scriptsForPlan(warn, { notice: true })).toEqual([]);
    expect(scriptsForPlan(block, { notice: true }), 'the bar is not the block screen').toEqual([SCRIPTS.blockScreen]);
    expect(scriptsForPlan(block, { blockScreen: true })).toEqual([]);
    expect(scriptsForPlan(listing, { listing: true })).toEqual([]);
    expect(scriptsForPlan({ markTiles: false })).toEqual([]);
  });
});

describe('serializeRule', () => {
  /** Runs rule scripts with `globalThis` bound to a fresh object, as each isolated world has its own. */
  const run = (...scripts: string[]): Record<string | symbol, unknown> => {
    const sandbox = {};
    for (const script of scripts) new Function('globalThis', script)(sandbox);
    return sandbox;
  };
  const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, entry) => (entry instanceof RegExp || entry?.constructor?.name === 'RegExp' ? `/${entry.source}/${entry.flags}` : entry)));

  it.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('%s survives the round trip', (_id, rule) => {
    const sandbox = run(serializeRule(rule));
    const { hosts: _hosts, name: _name, ...pageRule } = rule;
    expect(normalise(injectedRule(sandbox)), 'the page gets the rule without its host list and display name').toEqual(normalise(pageRule));
  });

  it('keeps the rule under a symbol a page cannot shadow, and the first rule wins', () => {
    const [first, second] = SITE_RULES;
    const sandbox = run(serializeRule(first!), serializeRule(second!));
    expect(Object.keys(sandbox), 'no named global (an element id could clobber it)').toEqual([]);
    expect((injectedRule(sandbox) as { id: string }).id).toBe(first!.id);
  });
});

describe('onListedSite', () => {
  const patterns = ['*://*.amazon.com/*', '*://*.kaspersky.com/*', '<all_urls>'];
  it('is true for a listed host and its subdomains, and only those', () => {
    expect(onListedSite('www.amazon.com', patterns)).toBe(true);
    expect(onListedSite('amazon.com.', patterns)).toBe(true);
    expect(onListedSite('USA.Kaspersky.com', patterns)).toBe(true);
    expect(onListedSite('notamazon.com', patterns)).toBe(false);
    expect(onListedSite('amazon.com.evil.example', patterns)).toBe(false);
    expect(onListedSite('evil.example', patterns)).toBe(false);
    expect(onListedSite('', patterns)).toBe(false);
  });
});
