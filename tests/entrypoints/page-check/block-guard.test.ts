/**
 * @vitest-environment happy-dom
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardBlockScreen } from '@/entrypoints/page-check/block-guard';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let host: HTMLElement;
let stop: () => void;

beforeEach(() => {
  document.body.innerHTML = '<main><button id="buy">Buy</button></main>';
  host = document.createElement('kban-notice');
  host.setAttribute('data-kban-mode', 'block');
  host.setAttribute('data-kban-verdict', 'purchase');
  host.attachShadow({ mode: 'open' }).innerHTML = '<div class="overlay"><button>Details</button></div>';
  document.documentElement.append(host);
  stop = guardBlockScreen(host);
});
afterEach(() => {
  stop();
  host.remove();
});

describe('guardBlockScreen', () => {
  it('makes the page beneath inert', () => {
    expect(document.body.hasAttribute('inert')).toBe(true);
    expect(host.hasAttribute('inert')).toBe(false);
  });

  it.each<[string, () => void, () => boolean]>([
    ['removes the screen', () => host.remove(), () => host.isConnected],
    ['clears inert on the body', () => document.body.removeAttribute('inert'), () => document.body.hasAttribute('inert')],
    ['hides the host with a style', () => host.setAttribute('style', 'display:none !important'), () => !host.hasAttribute('style')],
    ['hides the host with hidden', () => host.setAttribute('hidden', ''), () => !host.hasAttribute('hidden')],
    ['changes the mode attribute', () => host.setAttribute('data-kban-mode', 'warn'), () => host.getAttribute('data-kban-mode') === 'block'],
    ['empties the open shadow root', () => host.shadowRoot!.replaceChildren(), () => !!host.shadowRoot!.querySelector('.overlay')],
    ['covers it with its own element', () => document.documentElement.append(document.createElement('div')), () => document.documentElement.lastElementChild === host],
  ])('undoes a page that %s', async (_what, tamper, repaired) => {
    tamper();
    await flush();
    expect(repaired(), 'the guard must repair this at once').toBe(true);
  });

  it('makes elements the page adds beside <body> inert too', async () => {
    const overlay = document.createElement('div');
    document.documentElement.insertBefore(overlay, host);
    await flush();
    expect(overlay.hasAttribute('inert')).toBe(true);
  });

  it('gives the page back when stopped', async () => {
    stop();
    expect(document.body.hasAttribute('inert'), 'inert it set must be removed').toBe(false);
    host.remove();
    await flush();
    expect(host.isConnected, 'a stopped guard does not re-insert').toBe(false);
  });
});
