/**
 * The table of covered sites. Adding a site = one file here plus one line below;
 * the classifier never changes. Sorted by id (tests/components/core/site-rules/index.test.ts checks).
 * @module
 */
import type { SiteRule } from '../classifier/types';
import { contentMatches as contentMatchesOf, findRule as findRuleIn } from './find-rule';
import { amazon } from './amazon';
import { apkpure } from './apkpure';
import { appleAppStore } from './apple-app-store';
import { bestbuy } from './bestbuy';
import { bhphotovideo } from './bhphotovideo';
import { cdkeys } from './cdkeys';
import { cdw } from './cdw';
import { cnetDownload } from './cnet-download';
import { connection } from './connection';
import { ebay } from './ebay';
import { eneba } from './eneba';
import { filehippo } from './filehippo';
import { filehorse } from './filehorse';
import { g2a } from './g2a';
import { googlePlay } from './google-play';
import { insight } from './insight';
import { kaspersky } from './kaspersky';
import { kasperskyStore } from './kaspersky-store';
import { kasperskySupport } from './kaspersky-support';
import { kasperskyThreatIntelligence } from './kaspersky-threat-intelligence';
import { kasperskyTraining } from './kaspersky-training';
import { kinguin } from './kinguin';
import { majorgeeks } from './majorgeeks';
import { malavida } from './malavida';
import { microcenter } from './microcenter';
import { microsoftStore } from './microsoft-store';
import { newegg } from './newegg';
import { officedepot } from './officedepot';
import { shi } from './shi';
import { softonic } from './softonic';
import { softpedia } from './softpedia';
import { staples } from './staples';
import { target } from './target';
import { techspot } from './techspot';
import { uptodown } from './uptodown';
import { walmart } from './walmart';
import { zones } from './zones';

export const SITE_RULES: readonly SiteRule[] = [
  amazon,
  apkpure,
  appleAppStore,
  bestbuy,
  bhphotovideo,
  cdkeys,
  cdw,
  cnetDownload,
  connection,
  ebay,
  eneba,
  filehippo,
  filehorse,
  g2a,
  googlePlay,
  insight,
  kaspersky,
  kasperskyStore,
  kasperskySupport,
  kasperskyThreatIntelligence,
  kasperskyTraining,
  kinguin,
  majorgeeks,
  malavida,
  microcenter,
  microsoftStore,
  newegg,
  officedepot,
  shi,
  softonic,
  softpedia,
  staples,
  target,
  techspot,
  uptodown,
  walmart,
  zones,
];

/** The rule for a host (longest host suffix wins). @example findRule('www.amazon.com')?.id // 'amazon' */
export function findRule(host: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule | undefined {
  return findRuleIn(host, rules);
}

/** Manifest match patterns for every covered site. */
export function contentMatches(rules: readonly SiteRule[] = SITE_RULES): string[] {
  return contentMatchesOf(rules);
}
