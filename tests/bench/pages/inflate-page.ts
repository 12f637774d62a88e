/**
 * Grows a saved, real-shaped page to the size of a real retailer page (1–2 MB, tens of thousands
 * of nodes) by repeating its own repeatable sections (reviews, carousel cards, whole carousels),
 * so the result keeps the page's real structure instead of being filler.
 * @module
 */
import { Window } from 'happy-dom';

export interface InflateOptions {
  /** Size to reach, in bytes of UTF-8 HTML. */
  targetBytes: number;
  /**
   * Selectors of repeatable sections, e.g. `[data-hook="review"]`. Copies of each match go right
   * after the last match that shares its parent, taken round-robin across selectors.
   */
  sections: readonly string[];
}

export interface InflatedPage {
  html: string;
  bytes: number;
  /** Copies added per selector. */
  copies: Record<string, number>;
}

/** Makes each copy's ids unique (reviews and cards carry ids), so the page stays valid. */
function uniquifyIds(html: string, copy: number): string {
  return html.replace(/\sid="([^"]*)"/g, (_match, id: string) => ` id="${id}-c${copy}"`);
}

/**
 * Repeats the page's own sections until it reaches `targetBytes`.
 * The page's scripts are not run and its resources not loaded while doing so.
 *
 * @example inflatePage(html, 'https://www.amazon.com/dp/B0BHVJ4QT3', { targetBytes: 1.5e6, sections: ['[data-hook="review"]'] })
 */
export function inflatePage(html: string, url: string, options: InflateOptions): InflatedPage {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true } },
  });
  const document = window.document;
  document.write(html);

  // One group per (selector, parent): the templates and the slot after the group's last member.
  interface Group { selector: string; templates: string[]; slot: string; buffer: string[]; next: number; last: Element }
  const groups: Group[] = [];
  for (const selector of options.sections) {
    const byParent = new Map<unknown, Element[]>();
    for (const element of document.querySelectorAll(selector)) {
      const siblings = byParent.get(element.parentNode) ?? [];
      siblings.push(element as unknown as Element);
      byParent.set(element.parentNode, siblings);
    }
    for (const members of byParent.values()) {
      groups.push({ selector, templates: members.map((member) => member.outerHTML), slot: '', buffer: [], next: 0, last: members.at(-1)! });
    }
  }
  // Slots go in only after every template is taken, so no template carries another group's slot.
  for (const [index, group] of groups.entries()) {
    group.slot = `<!--kban-bench-slot-${index}-->`;
    group.last.after(document.createComment(`kban-bench-slot-${index}`) as unknown as Node);
  }
  if (!groups.length) throw new Error(`inflatePage: none of ${options.sections.join(', ')} is on ${url}`);

  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? '<!doctype html>';
  let base = `${doctype}\n${document.documentElement.outerHTML}`;
  window.happyDOM.abort();
  window.close();

  const encoder = new TextEncoder();
  let bytes = encoder.encode(base).length - groups.reduce((sum, group) => sum + group.slot.length, 0);
  const copies: Record<string, number> = {};
  let copy = 0;
  while (bytes < options.targetBytes) {
    const group = groups[copy % groups.length]!;
    const piece = uniquifyIds(group.templates[group.next++ % group.templates.length]!, copy);
    group.buffer.push(piece);
    bytes += encoder.encode(piece).length + 1;
    copies[group.selector] = (copies[group.selector] ?? 0) + 1;
    copy++;
  }
  for (const group of groups) base = base.replace(group.slot, group.buffer.join('\n'));
  return { html: base, bytes: encoder.encode(base).length, copies };
}
