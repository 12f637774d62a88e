/**
 * Small hand-written pages for behaviour the saved fixtures cannot show (late rendering,
 * history navigation, hostile product names). They use the real markup hooks of the site
 * rule they are served under, so the same rule decides as on the real site.
 * @module
 */

/** Escapes text for HTML (the page author's side; the extension must do its own). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface AmazonProduct {
  /** Product title; inserted as raw HTML when `rawTitle` is set (for injection tests). */
  title: string;
  /** Byline, e.g. `Visit the Kaspersky Store`. */
  brand: string;
  rawTitle?: boolean;
}

/** The parts of an Amazon product page the `amazon` rule reads: #productTitle, #bylineInfo, #add-to-cart-button. */
export function amazonProductHtml(product: AmazonProduct): string {
  const title = product.rawTitle ? product.title : escapeHtml(product.title);
  return `<div id="centerCol">
  <h1 id="title"><span id="productTitle">${title}</span></h1>
  <a id="bylineInfo" href="/stores/x">${escapeHtml(product.brand)}</a>
  <div id="buybox"><input id="add-to-cart-button" type="submit" value="Add to Cart"></div>
</div>`;
}

/** A whole page around `body`, with an optional inline script. */
export function pageHtml(options: { title: string; body: string; script?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head>
<body><header><a href="/">Home</a></header><main id="main">${options.body}</main>
${options.script ? `<script>${options.script}</script>` : ''}
</body></html>`;
}

/** A Kaspersky product on Amazon, as the `amazon` rule sees it. */
export const KASPERSKY_ON_AMAZON: AmazonProduct = {
  title: 'Kaspersky Premium Total Security 2024 | 5 Devices | 1 Year | PC/Mac/Android/iOS | Download code',
  brand: 'Visit the Kaspersky Store',
};

/** Another brand's antivirus on Amazon (must be left alone). */
export const NORTON_ON_AMAZON: AmazonProduct = {
  title: 'Norton 360 Deluxe 2024, Antivirus software for 5 Devices with Auto Renewal',
  brand: 'Visit the Norton Store',
};

/**
 * A single-page app at a covered host: `products` maps paths to what each renders.
 * `window.spaGo(path)` navigates with history.pushState; Back re-renders from popstate.
 * With `?delay=<ms>` the first render comes that late (a product that loads after the page).
 */
export function spaHtml(products: Record<string, AmazonProduct>): string {
  const views = Object.fromEntries(Object.entries(products).map(([path, product]) => [path, amazonProductHtml(product)]));
  const script = `
const VIEWS = ${JSON.stringify(views).replace(/</g, '\\u003c')};
const main = document.getElementById('main');
function render() { main.innerHTML = VIEWS[location.pathname] || '<p id="loading">Loading…</p>'; }
window.spaGo = (path) => { history.pushState({}, '', path); render(); };
addEventListener('popstate', render);
const delay = Number(new URLSearchParams(location.search).get('delay') || 0);
if (delay) setTimeout(render, delay); else render();`;
  return pageHtml({ title: 'Amazon.com', body: '<p id="loading">Loading…</p>', script });
}
