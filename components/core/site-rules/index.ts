/**
 * The table of covered sites. Adding a site = one file here plus one line below;
 * the classifier never changes. Sorted by id (tests/components/core/site-rules/index.test.ts checks).
 * @module
 */
import type { SiteRule } from '../classifier/types';
import { amazon } from './amazon';
import { appleAppStore } from './apple-app-store';
import { cnetDownload } from './cnet-download';
import { filehippo } from './filehippo';
import { filehorse } from './filehorse';
import { googlePlay } from './google-play';
import { kaspersky } from './kaspersky';
import { kasperskyStore } from './kaspersky-store';
import { kasperskyThreatIntelligence } from './kaspersky-threat-intelligence';
import { kasperskyTraining } from './kaspersky-training';
import { majorgeeks } from './majorgeeks';
import { softonic } from './softonic';
import { softpedia } from './softpedia';
import { techspot } from './techspot';
import { uptodown } from './uptodown';

export const SITE_RULES: readonly SiteRule[] = [
  amazon,
  appleAppStore,
  cnetDownload,
  filehippo,
  filehorse,
  googlePlay,
  kaspersky,
  kasperskyStore,
  kasperskyThreatIntelligence,
  kasperskyTraining,
  majorgeeks,
  softonic,
  softpedia,
  techspot,
  uptodown,
];

/**
 * The rule for a host: the rule whose host entry is the longest suffix of it
 * (so `opentip.kaspersky.com` beats `kaspersky.com`).
 *
 * @example findRule('www.amazon.com')?.id // 'amazon'
 */
export function findRule(host: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule | undefined {
  const target = host.toLowerCase().replace(/\.$/, '');
  let best: SiteRule | undefined;
  let bestLength = -1;
  for (const rule of rules) {
    for (const entry of rule.hosts) {
      if ((target === entry || target.endsWith(`.${entry}`)) && entry.length > bestLength) {
        best = rule;
        bestLength = entry.length;
      }
    }
  }
  return best;
}

/** Manifest match patterns for the content script: each rule host and its subdomains, without redundant entries. */
export function contentMatches(rules: readonly SiteRule[] = SITE_RULES): string[] {
  const hosts = new Set(rules.flatMap((rule) => rule.hosts));
  const covered = (host: string) => [...hosts].some((other) => host.endsWith(`.${other}`));
  return [...hosts].filter((host) => !covered(host)).map((host) => `*://*.${host}/*`).sort();
}
