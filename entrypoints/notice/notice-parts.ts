/**
 * What the warning bar (entrypoints/notice) and the block screen (entrypoints/block-screen) share: the
 * host element with its closed shadow root, text set with `textContent` only, buttons that act on a
 * person's clicks only, the organisation's lines, and where the notice goes. The host carries the test
 * contract: `data-kban-verdict` and `data-kban-mode`. The words come ready to show with the plan
 * (`NoticePlan.words`, composed in the background): nothing here looks up a message.
 * @module
 */
import type { Classification } from '@/components/core/classifier/types';
import type { NoticePlan } from '@/components/core/messages';

/** The custom element name of the notice host. */
export const NOTICE_TAG = 'kban-notice';

/** What the background planned (`NoticePlan`, words included), with the page's verdict and the page check's callbacks. */
export interface NoticeProps extends NoticePlan {
  classification: Classification;
  onDetails: () => void;
  onDismiss: () => void;
  onProceed: () => void;
}

/**
 * The notice's shadow roots. They are closed, so page script cannot reach inside (`host.shadowRoot`
 * is null to it); our own code keeps them here.
 */
const ROOTS = new WeakMap<Element, ShadowRoot>();

/** The shadow root of a notice host this script created (closed to the page). */
export function noticeRoot(host: Element): ShadowRoot | null {
  return ROOTS.get(host) ?? null;
}

/**
 * Runs `action` for clicks a person made (mouse, touch, or Enter/Space on the focused button), never
 * for a page's synthetic `click()` or `dispatchEvent`: a page must not dismiss, proceed or open tabs.
 */
export function onTrustedClick(button: HTMLElement, action: () => void): void {
  button.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The organisation's message and support link, where its policy sets them. */
export function organisationLines({ words, policy }: NoticeProps): HTMLElement[] {
  const lines: HTMLElement[] = [];
  if (words.organization) lines.push(el('p', { class: 'org' }, words.organization));
  if (policy.supportUrl && words.supportLink) lines.push(el('a', { class: 'link', href: policy.supportUrl, target: '_blank', rel: 'noopener noreferrer' }, words.supportLink));
  return lines;
}

/**
 * Creates the notice host (not yet in the page: `placeNotice` puts it there) around `content`, styled by
 * `css` in its closed shadow root.
 */
export function createHost(props: NoticeProps, css: string, content: HTMLElement): HTMLElement {
  const host = document.createElement(NOTICE_TAG);
  host.setAttribute('data-kban-verdict', props.classification.verdict);
  host.setAttribute('data-kban-mode', props.mode);
  const root = host.attachShadow({ mode: 'closed' });
  ROOTS.set(host, root);
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style, content);
  return host;
}

/** Moves keyboard focus to the notice's first control (the block screen takes focus when it appears). */
export function focusNotice(host: HTMLElement): void {
  noticeRoot(host)?.querySelector<HTMLElement>('button, a')?.focus();
}

/**
 * Puts the notice in the page: a block screen on the root element (above everything),
 * a bar just before the product title, or at the top of the body when there is none.
 */
export function placeNotice(host: HTMLElement, anchor: Element | null): void {
  if (host.getAttribute('data-kban-mode') === 'block') {
    document.documentElement.append(host);
    return;
  }
  const target = anchor?.closest('h1') ?? anchor;
  // The anchor must be inside <body>: a rule may name its product by `head > title`, and a notice in <head> is never shown.
  if (target?.parentNode && target !== document.body && document.body?.contains(target)) target.parentNode.insertBefore(host, target);
  else (document.body ?? document.documentElement).prepend(host);
}
