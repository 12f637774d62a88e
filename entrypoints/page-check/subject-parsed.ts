/**
 * When the page check comes at document_start (its address names Kaspersky), it need not wait for the
 * whole page. A large store page parses in chunks, with a layout of what has arrived between them, and the
 * layout that follows its last chunk can take over 100 ms on its own: an answer asked for at
 * DOMContentLoaded waits behind it. The page's subject (the site's product title, else the first `<h1>`)
 * is near the top, so the page check looks for it at each frame while the page loads and checks as soon
 * as it has parsed; DOMContentLoaded's check then finds the same subject and asks nothing more.
 *
 * What the early check may not have seen yet cannot go unread: DOMContentLoaded's check compares the page's
 * fingerprint (title, heading, product title, brand, and the script count where the rule reads structured
 * data or inline prices) and reads everything again when it changed. A buy button further down only adds a
 * reason to the report; store breadcrumbs come before the title.
 * @module
 */
import type { PageRule } from '@/components/core/classifier/types';

/** Frames to look in before leaving it to DOMContentLoaded (a page without its subject is not searched each frame for long). */
export const MAX_LOOKS = 30;

/**
 * The element that names the page's subject has parsed: it is there, in `<body>` (where a warning bar goes before
 * it; a rule that names its product by `head > title` waits for DOMContentLoaded), and the parser has gone past its end.
 */
export function subjectParsed(doc: Document, rule: PageRule): boolean {
  let element: Node | null;
  try {
    element = doc.querySelector(rule.selectors?.productTitle ?? 'h1');
  } catch {
    return false; // a malformed selector in a rule: DOMContentLoaded's check reads the page as usual
  }
  if (!element || !doc.body?.contains(element)) return false;
  // The parser appends in document order: anything after the element (or after one of its ancestors) means it is closed.
  for (let node: Node | null = element; node; node = node.parentNode) if (node.nextSibling) return true;
  return false;
}

/**
 * Calls `onParsed` once, at the first frame in which the subject has parsed while `doc` is still loading.
 * Gives up when the page has parsed (DOMContentLoaded's check takes over) or after MAX_LOOKS frames. A
 * hidden tab draws no frames: there, too, the check waits for DOMContentLoaded.
 */
export function whenSubjectParsed(doc: Document, rule: PageRule, onParsed: () => void): void {
  const win = doc.defaultView;
  if (!win) return;
  let looks = 0;
  const look = () => {
    if (doc.readyState !== 'loading') return;
    if (subjectParsed(doc, rule)) onParsed();
    else if (++looks < MAX_LOOKS) win.requestAnimationFrame(look);
  };
  win.requestAnimationFrame(look);
}
