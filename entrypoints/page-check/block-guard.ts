/**
 * Keeps a block screen in force against the page it covers: everything else in the document is
 * made `inert` (no clicks, no focus, no tabbing), and page scripts that remove the screen, hide
 * it, empty its shadow root, cover it with their own elements or clear `inert` are undone at once.
 * @module
 */

/** Repairs per block screen before giving up (a page fighting in a loop must not hang the tab). */
const MAX_REPAIRS = 500;
/** Host attributes a page could use to hide the screen. */
const HIDING_ATTRIBUTES = ['style', 'hidden', 'class', 'popover'];

/**
 * Starts guarding `host` (already in the page, as the last child of `<html>`). Returns a function
 * that stops guarding and gives the page back (removes the `inert` it set).
 */
export function guardBlockScreen(host: HTMLElement, doc: Document = host.ownerDocument): () => void {
  const root = doc.documentElement;
  const shadow = host.shadowRoot;
  const screen = shadow ? Array.from(shadow.childNodes) : [];
  const keep: Record<string, string | null> = {
    'data-kban-mode': host.getAttribute('data-kban-mode'),
    'data-kban-verdict': host.getAttribute('data-kban-verdict'),
  };
  const madeInert = new Set<Element>();
  let repairs = 0;
  let stopped = false;

  const lock = (element: Element) => {
    if (element === host || element.localName === 'head') return;
    if (!element.hasAttribute('inert')) {
      element.toggleAttribute('inert', true);
      madeInert.add(element);
    }
  };
  const repair = () => {
    if (stopped || repairs >= MAX_REPAIRS) return;
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
    if (shadow && screen.some((node) => node.parentNode !== shadow)) {
      shadow.replaceChildren(...screen);
      changed = true;
    }
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
  if (shadow) observer.observe(shadow, { childList: true });
  // Children of <html> other than <body> (added later) are watched through the root's childList.

  return () => {
    stopped = true;
    observer.disconnect();
    for (const element of madeInert) element.removeAttribute('inert');
    madeInert.clear();
  };
}
