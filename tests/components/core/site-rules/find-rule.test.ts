/** Rule delivery: every covered host gets exactly its own rule, and a serialized rule is the rule. */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SITE_RULES } from '@/components/core/site-rules';
import { RULE_GLOBAL, findRule, ruleContentScripts, serializeRule } from '@/components/core/site-rules/find-rule';
import type { SiteRule } from '@/components/core/classifier/types';

/** Chrome's match-pattern semantics for the `*://*.host/*` patterns we generate. */
function matches(pattern: string, host: string): boolean {
  const base = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!base) throw new Error(`unexpected pattern ${pattern}`);
  return host === base || host.endsWith(`.${base}`);
}

const entries = ruleContentScripts(SITE_RULES, 'content-scripts/kban.js');
const sampleHosts = SITE_RULES.flatMap((rule) => rule.hosts.flatMap((host) => [host, `www.${host}`, `deep.sub.${host}`]));

describe('ruleContentScripts', () => {
  it.each(sampleHosts)('%s gets exactly one entry, carrying its own rule', (host) => {
    const hits = entries.filter((entry) => entry.matches.some((p) => matches(p, host)) && !(entry.exclude_matches ?? []).some((p) => matches(p, host)));
    expect(hits.length, `${host} is matched by ${hits.map((hit) => hit.js[0]).join(', ') || 'nothing'}`).toBe(1);
    expect(hits[0]!.js).toEqual([`site-rules/${findRule(host, SITE_RULES)!.id}.js`, 'content-scripts/kban.js']);
  });

  it('never matches hosts outside the rules', () => {
    for (const host of ['example.com', 'notamazon.com', 'kaspersky.com.evil.net', 'securelist.com']) {
      expect(entries.some((entry) => entry.matches.some((p) => matches(p, host))), host).toBe(false);
    }
  });
});

describe('serializeRule', () => {
  it.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('%s survives the round trip', (_id, rule) => {
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    runInNewContext(serializeRule(rule), sandbox);
    runInNewContext(serializeRule(rule), sandbox);
    const [copy, second] = sandbox[RULE_GLOBAL] as SiteRule[];
    expect(second, 'a second rule script appends, it does not replace').toBeDefined();
    const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, entry) => (entry instanceof RegExp || entry?.constructor?.name === 'RegExp' ? `/${entry.source}/${entry.flags}` : entry)));
    const { hosts: _hosts, name: _name, ...pageRule } = rule;
    expect(normalise(copy), 'the page gets the rule without its host list and display name').toEqual(normalise(pageRule));
  });
});
