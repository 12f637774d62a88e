/**
 * Keeps a block screen in force against the page it covers: everything else in the document is
 * made `inert` (no clicks, no focus, no tabbing), and page scripts that remove the screen, hide
 * it, put anything of their own inside it, cover it with their own elements or clear `inert` are
 * undone at once.
 *
 * The work is bounded without ever giving up: at most REPAIRS_PER_WINDOW repairs run per
 * REPAIR_WINDOW_MS; past that, the next repair waits for the next window (a page that fights back
 * in a loop gets a timer, not a hung tab) and the guard carries on for as long as the screen stands.
 * @module
 */
import { noticeRoot } from '../notice/notice-parts';

/** Repairs per window; more wait for the next window. */
export const REPAIRS_PER_WINDOW = 100;
export const REPAIR_WINDOW_MS = 1000;
/** Host attributes a page could use to hide the screen. */
const HIDING_ATTRIBUTES = ['style', 'hidden', 'class', 'popover'];
/** Attributes of the screen's own elements that could hide them. */
const INNER_HIDING_ATTRIBUTES = ['style', 'hidden', 'inert'];

/**
 * Starts guarding `host` (already in the page, as the last child of `<html>`). `shadow` is the
 * screen's shadow root (closed: the page cannot reach it; the notice module keeps it). Returns a
 * function that stops guarding and gives the page back (removes the `inert` it set).
 */
export function guardBlockScreen(host: HTMLElement, doc: Document = host.ownerDocument, shadow: ShadowRoot | null = noticeRoot(host) ?? host.shadowRoot): () => void {
  const win = doc.defaultView ?? globalThis;
  const root = doc.documentElement;
  /** The screen as drawn: the child list of the shadow root and of each of its elements, and the attributes that could hide them. */
  const children = new Map<Node, Node[]>();
  const attributes = new Map<Element, Record<string, string | null>>();
  if (shadow) {
    children.set(shadow, Array.from(shadow.childNodes));
    for (const element of shadow.querySelectorAll('*')) {
      children.set(element, Array.from(element.childNodes));
      attributes.set(element, Object.fromEntries(INNER_HIDING_ATTRIBUTES.map((name) => [name, element.getAttribute(name)])));
    }
  }
  const keep: Record<string, string | null> = {
    'data-kban-mode': host.getAttribute('data-kban-mode'),
    'data-kban-verdict': host.getAttribute('data-kban-verdict'),
  };
  const madeInert = new Set<Element>();
  let windowStart = 0;
  let repairs = 0;
  let deferred: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const lock = (element: Element) => {
    if (element === host || element.localName === 'head') return;
    if (!element.hasAttribute('inert')) {
      element.toggleAttribute('inert', true);
      madeInert.add(element);
    }
  };

  /** Puts the screen back as drawn: anything the page added inside goes, anything it took out comes back. */
  const repairScreen = (): boolean => {
    let changed = false;
    for (const [parent, nodes] of children) {
      if (parent.childNodes.length !== nodes.length || nodes.some((node, index) => parent.childNodes[index] !== node)) {
        (parent as ParentNode).replaceChildren(...nodes);
        changed = true;
      }
    }
    for (const [element, values] of attributes) {
      for (const [name, value] of Object.entries(values)) {
        if (element.getAttribute(name) === value) continue;
        if (value === null) element.removeAttribute(name);
        else element.setAttribute(name, value);
        changed = true;
      }
    }
    return changed;
  };

  const repair = () => {
    if (stopped) return;
    const now = win.performance?.now() ?? Date.now();
    if (now - windowStart >= REPAIR_WINDOW_MS) {
      windowStart = now;
      repairs = 0;
    }
    if (repairs >= REPAIRS_PER_WINDOW) {
      // Over budget: one repair when the window turns, whatever happened meanwhile.
      deferred ??= setTimeout(() => {
        deferred = undefined;
        repair();
      }, Math.max(0, windowStart + REPAIR_WINDOW_MS - now));
      return;
    }
    let changed = false;
    if (host.parentNode !== root || root.lastElementChild !== host) {
      root.append(host); // back in, and above anything the page added after it
      changed = true;
    }
    for (const [name, value] of Object.entries(keep)) {
      if (value !== null && host.getAttribute(name) !== value) ((changed = true), host.setAttribute(name, value));
    }
    for (const name of HIDING_ATTRIBUTES) {
      if (host.hasAttribute(name)) ((changed = true), host.removeAttribute(name));
    }
    if (repairScreen()) changed = true;
    for (const element of Array.from(root.children)) {
      if (element !== host && element.localName !== 'head' && !element.hasAttribute('inert')) ((changed = true), lock(element));
    }
    if (changed) repairs++;
  };

  for (const element of Array.from(root.children)) lock(element);
  const observer = new MutationObserver(repair);
  observer.observe(root, { childList: true, attributes: true, attributeFilter: ['inert'], subtree: false });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter: ['inert'] });
  observer.observe(host, { attributes: true });
  if (shadow) observer.observe(shadow, { childList: true, subtree: true, attributes: true, attributeFilter: INNER_HIDING_ATTRIBUTES });
  // Children of <html> other than <body> (added later) are watched through the root's childList.

  return () => {
    stopped = true;
    if (deferred !== undefined) clearTimeout(deferred);
    observer.disconnect();
    for (const element of madeInert) element.removeAttribute('inert');
    madeInert.clear();
  };
}
