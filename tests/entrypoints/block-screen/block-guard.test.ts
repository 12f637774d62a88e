/**
 * @vitest-environment happy-dom
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardBlockScreen, REPAIRS_PER_WINDOW, REPAIR_WINDOW_MS } from '@/entrypoints/block-screen/block-guard';

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
    ['puts a <style> into the shadow root', () => host.shadowRoot!.append(Object.assign(document.createElement('style'), { textContent: '.overlay{display:none}' })), () => !host.shadowRoot!.querySelector('style')],
    ['puts its own element deep inside the screen', () => host.shadowRoot!.querySelector('.overlay')!.append(document.createElement('div')), () => !host.shadowRoot!.querySelector('.overlay div')],
    ['takes a button out of the screen', () => host.shadowRoot!.querySelector('button')!.remove(), () => !!host.shadowRoot!.querySelector('.overlay button')],
    ['hides the overlay with a style attribute', () => host.shadowRoot!.querySelector('.overlay')!.setAttribute('style', 'display:none'), () => !host.shadowRoot!.querySelector('.overlay')!.hasAttribute('style')],
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

  it('never gives up: past its budget it waits for the next window, then repairs again', async () => {
    // A page that clears inert more often than the budget allows (the old guard stopped for good after 500).
    for (let i = 0; i < Math.max(REPAIRS_PER_WINDOW * 3, 600); i++) {
      document.body.removeAttribute('inert');
      await flush();
    }
    document.body.removeAttribute('inert');
    await new Promise((resolve) => setTimeout(resolve, REPAIR_WINDOW_MS + 50));
    expect(document.body.hasAttribute('inert'), 'the guard must repair again once the window turns').toBe(true);
    document.body.removeAttribute('inert');
    await flush();
    expect(document.body.hasAttribute('inert'), 'and keep repairing at once within the new budget').toBe(true);
  }, 10_000);

  it('gives the page back when stopped', async () => {
    stop();
    expect(document.body.hasAttribute('inert'), 'inert it set must be removed').toBe(false);
    host.remove();
    await flush();
    expect(host.isConnected, 'a stopped guard does not re-insert').toBe(false);
  });
});
