/**
 * What the generic check reads of a page on a site without a rule, besides the common signals: the links and
 * buttons near its main heading, package-manager install commands and the page's generator. Loaded only in
 * "every site" mode (entrypoints/generic-check), so pages of listed sites never compile it.
 * @module
 */
import { hostOf } from '@/components/core/classifier/classify';
import { isActionText } from '@/components/core/classifier/classify-generic';
import type { ControlSignal, GenericSignals } from '@/components/core/classifier/types';
import { clip, spacedText } from '../page-check/collect-signals';

const MAX_CONTROLS = 40;
/** Ancestors of the main heading searched for its controls: a product header, then its column, then the page. */
const MAX_CONTROL_LEVELS = 6;
const CONTROL = 'a[href], button, input[type="submit" i], input[type="button" i], [role="button"]';
const INSTALLER_FILE = /\.(?:exe|msi|msix|msixbundle|appx|apk|apks|xapk|apkm|dmg|pkg)$/i;
/** Affiliate networks and link redirectors that review and deal sites send "Buy" buttons through. */
const AFFILIATE_HOST =
  /(?:^|\.)(?:awin1\.com|shareasale\.com|anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com|dpbolvw\.net|kqzyfj\.com|linksynergy\.com|pxf\.io|sjv\.io|7eer\.net|prf\.hn|avantlink\.com|skimresources\.com|viglink\.com|howl\.me|amzn\.to|shop-links\.co|bit\.ly)$/i;
const REDIRECT_PATH = /^\/(?:go|out|visit|recommends|refer|aff|affiliate|click|redirect|outbound|link)\//i;
const AFFILIATE_QUERY = /[?&](?:aff|affid|aff_id|affiliate|clickref|subid|irclickid|tag)=/i;
/** Package-manager install commands shown on package pages (Chocolatey, winget front-ends, Scoop). */
const INSTALL_COMMAND = /\b(?:choco|cinst|winget|scoop)\s+(?:install|add)\b/i;

/** The registrable part of a host, near enough: `download.apkmirror.com` → `apkmirror.com`, `www.shop.co.uk` → `shop.co.uk`. */
function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  const keep = labels.length > 2 && labels[labels.length - 1]!.length === 2 && labels[labels.length - 2]!.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function isVisible(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"], template')) return false;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return !style.includes('display:none') && !style.includes('visibility:hidden');
}

function readControl(element: Element, pageSite: string, base: string): ControlSignal | undefined {
  if (!isVisible(element)) return undefined;
  const text = clip(spacedText(element) || element.getAttribute('aria-label') || element.getAttribute('value') || element.getAttribute('title')).slice(0, 80);
  if (!text) return undefined;
  const href = element.getAttribute('href');
  const rel = (element.getAttribute('rel') ?? '').toLowerCase();
  const control: ControlSignal = { text, offsite: false, sponsored: /\bsponsored\b/.test(rel), installer: false };
  if (href && !/^(?:#|javascript:)/i.test(href.trim())) {
    try {
      const target = new URL(href, base);
      control.offsite = /^https?:$/.test(target.protocol) && siteOf(target.hostname) !== pageSite;
      control.sponsored ||= AFFILIATE_HOST.test(target.hostname) || REDIRECT_PATH.test(target.pathname) || AFFILIATE_QUERY.test(target.search);
      control.installer = INSTALLER_FILE.test(target.pathname);
    } catch {
      // An unparsable address is no control.
    }
  }
  return control;
}

/**
 * The page's main heading: its first `h1`, or else (app stores that render names in styled `div`s) the first
 * element named like a title whose text is the page title's first part ("Kaspersky: VPN & Antivirus | Galaxy Store").
 */
function mainHeading(doc: Document): Element | null {
  const h1 = doc.querySelector('h1');
  if (h1) return h1;
  const ogTitle = doc.head?.querySelector('meta[property="og:title"]')?.getAttribute('content');
  // clip() first: single spaces, 300 characters, so the separator needs no \s+ (which backtracks on long runs).
  const name = (clip(ogTitle || doc.title).split(/ [|–—-] /)[0] ?? '').toLowerCase();
  if (!name) return null;
  const candidates = doc.querySelectorAll('h2, h3, [itemprop="name"], [class*="title" i], [class*="name" i]');
  for (let i = 0; i < candidates.length && i < 60; i++) {
    const text = clip(candidates[i]!.textContent).toLowerCase();
    // "Kaspersky: VPN & Antivirus" heads a page titled "Kaspersky: VPN & Antivirus APK Download - GetApps".
    if (text.length >= 6 && name.startsWith(text)) return candidates[i]!;
  }
  return null;
}

/**
 * Links and buttons near the main heading: searched in the heading's parent, then each ancestor in turn
 * (at most MAX_CONTROL_LEVELS, never the whole body), stopping at the first that holds a buy, get, install or
 * download control. Package-manager commands and the page's generator are read too.
 */
export function readGenericSignals(doc: Document, url: string): GenericSignals & { heading?: string } {
  const pageSite = siteOf(hostOf(url));
  let controls: ControlSignal[] = [];
  const heading = mainHeading(doc);
  let scope = heading?.parentElement ?? null;
  for (let level = 0; scope && scope !== doc.body && scope !== doc.documentElement && level < MAX_CONTROL_LEVELS; level++, scope = scope.parentElement) {
    const elements = scope.querySelectorAll(CONTROL);
    controls = [];
    for (let i = 0; i < elements.length && controls.length < MAX_CONTROLS; i++) {
      const control = readControl(elements[i]!, pageSite, url);
      if (control) controls.push(control);
    }
    if (controls.some((control) => isActionText(control.text) || control.installer)) break;
  }

  const commands: string[] = [];
  const blocks = doc.querySelectorAll('code, pre, kbd, samp, input[readonly], input[type="text" i][value]');
  for (let i = 0; i < blocks.length && i < 50 && commands.length < 5; i++) {
    const block = blocks[i]!;
    const text = clip(block.tagName === 'INPUT' ? block.getAttribute('value') : block.textContent);
    if (INSTALL_COMMAND.test(text)) commands.push(text);
  }
  const generator = clip(doc.querySelector('meta[name="generator" i]')?.getAttribute('content')) || undefined;
  return { controls, commands, generator, heading: heading && heading.tagName !== 'H1' ? clip(heading.textContent) : undefined };
}

