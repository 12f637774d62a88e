/**
 * The small badge on Kaspersky tiles of listing pages. The tile gets `data-kban-item`;
 * the badge lives in its own shadow root, its text set with `textContent`.
 * @module
 */
import type { ItemKind } from '@/components/core/classifier/types';

export const BADGE_TAG = 'kban-badge';

const BADGE_CSS = `
:host { all: initial !important; display: inline-block !important; margin: 4px 0 !important; }
.badge { display: inline-block; font: 600 12px/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f1a00; background: #ffe7a3; border: 1px solid #b26a00; border-radius: 4px; padding: 2px 6px; }
span:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
.wrap { position: relative; display: inline-block; }
.tip { display: none; position: absolute; z-index: 2147483647; top: 100%; left: 0; margin-top: 4px; width: max-content; max-width: 280px;
  font: 400 12px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #fff; background: #1b1b1f; border-radius: 4px; padding: 6px 8px; }
.wrap:hover .tip, .wrap:focus-within .tip { display: block; }
@media (prefers-color-scheme: dark) { .badge { color: #ffefc2; background: #3a2c00; border-color: #e0a030; } .tip { background: #e6e1e5; color: #1b1b1f; } }`;

/** Marks one tile; idempotent. Returns the badge it inserted, if it inserted one. */
export function markTile(tile: Element, kind: ItemKind, label: string, explanation: string): Element | undefined {
  if (tile.getAttribute('data-kban-item') === kind && tile.querySelector(BADGE_TAG)) return undefined;
  tile.setAttribute('data-kban-item', kind);
  tile.querySelector(BADGE_TAG)?.remove();
  const host = document.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  const wrap = document.createElement('span');
  wrap.className = 'wrap';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = label;
  badge.tabIndex = 0;
  badge.setAttribute('aria-describedby', 'tip');
  const tip = document.createElement('span');
  tip.className = 'tip';
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.textContent = explanation;
  wrap.append(badge, tip);
  root.append(style, wrap);
  tile.prepend(host);
  return host;
}

/** Removes every mark this extension put on tiles. */
export function unmarkTiles(doc: Document): void {
  for (const tile of doc.querySelectorAll('[data-kban-item]')) {
    tile.removeAttribute('data-kban-item');
    tile.querySelector(BADGE_TAG)?.remove();
  }
}
