/**
 * The in-page notice and block screen: plain DOM in a shadow root (no Preact on web pages),
 * all text set with `textContent`, never as HTML. The host element carries the test contract:
 * `data-kban-verdict` and `data-kban-mode`. The shadow root is closed and the buttons act only on
 * a person's clicks, so page script can neither read, restyle nor press them.
 * @module
 */
import type { Classification } from '@/components/core/classifier/types';
import type { NoticePlan } from '@/components/core/messages';
import { noticeText, type NoticeMessage } from '@/components/core/ban/notice-text';
import styles from './notice.css?inline';

/** The custom element name of the notice host. */
export const NOTICE_TAG = 'kban-notice';

/** What the background planned (`NoticePlan`), with the page's verdict, its words and the page check's callbacks. */
export interface NoticeProps extends NoticePlan {
  classification: Classification;
  t: (key: string, substitutions?: string[]) => string;
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
function onTrustedClick(button: HTMLElement, action: () => void): void {
  button.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * A warning triangle, or for exempt services a calm "i" in a circle, drawn by the stylesheet: an inline SVG
 * would set up the browser's SVG element classes in this script's world on every page that shows a notice
 * (about 0.3 ms), and an image would be subject to the page's content security policy.
 */
function icon(exempt: boolean): HTMLElement {
  return el('span', { class: exempt ? 'icon info' : 'icon warning', 'aria-hidden': 'true' });
}

function organisationLines(props: NoticeProps): HTMLElement[] {
  const { organizationName, supportMessage, supportUrl } = props.policy;
  const lines: HTMLElement[] = [];
  // A name alone is no message: "Message from ACME Corp:" with nothing after it reads as broken.
  if (supportMessage) {
    const prefix = organizationName ? props.t('notice_org_message', [organizationName]) : '';
    lines.push(el('p', { class: 'org' }, [prefix, supportMessage].filter(Boolean).join(' ')));
  }
  if (supportUrl) {
    const link = el('a', { class: 'link', href: supportUrl, target: '_blank', rel: 'noopener noreferrer' }, props.t('notice_support_link'));
    lines.push(link);
  }
  return lines;
}

/** The notice's text parts, looked up. */
function texts(props: NoticeProps) {
  const text = noticeText({ classification: props.classification, mode: props.mode, dates: props.dates, region: props.region });
  const say = (message: NoticeMessage) => props.t(message.key, message.substitutions);
  return { title: say(text.title), lead: say(text.lead), facts: text.facts.map(say).join(' ') };
}

/** The warning bar (or the calm exempt note): title, what it means and what to do, then the small print. */
function renderBar(props: NoticeProps): HTMLElement {
  const exempt = props.classification.verdict === 'exempt';
  const words = texts(props);
  const bar = el('div', { class: exempt ? 'bar exempt' : 'bar', role: exempt ? 'note' : 'alert', 'aria-labelledby': 'kban-title' });
  const text = el('div', { class: 'text' });
  text.append(el('strong', { class: 'title', id: 'kban-title' }, words.title), el('p', { class: 'lead' }, words.lead));
  if (!exempt) text.append(...organisationLines(props));
  if (props.kasperskyNote) text.append(el('p', { class: 'active-note', 'data-kban-note': 'kaspersky-active' }, props.t('notice_kaspersky_active', [props.dates.noUpdates])));
  text.append(el('p', { class: 'facts' }, words.facts));
  const actions = el('div', { class: 'actions' });
  const details = el('button', { type: 'button' }, props.t('notice_details'));
  onTrustedClick(details, props.onDetails);
  actions.append(details);
  if (props.canDismiss) {
    const dismiss = el('button', { type: 'button', class: 'close', 'aria-label': props.t('notice_dismiss_label') }, '×');
    dismiss.title = props.t('notice_dismiss_label');
    onTrustedClick(dismiss, props.onDismiss);
    actions.append(dismiss);
  }
  bar.append(icon(exempt), text, actions);
  return bar;
}

/** The block screen: covers the page, explains, offers the organisation's link (and proceed if allowed). */
function renderBlock(props: NoticeProps): HTMLElement {
  const words = texts(props);
  const overlay = el('div', { class: 'overlay' });
  const panel = el('div', { class: 'panel', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'kban-title', 'aria-describedby': 'kban-body' });
  panel.append(el('h2', { id: 'kban-title' }, words.title), el('p', { id: 'kban-body', class: 'lead' }, words.lead), ...organisationLines(props), el('p', { class: 'facts' }, words.facts));
  const actions = el('div', { class: 'actions' });
  const details = el('button', { type: 'button' }, props.t('notice_details'));
  onTrustedClick(details, props.onDetails);
  actions.append(details);
  if (props.policy.allowProceed) {
    const proceed = el('button', { type: 'button' }, props.proceedLabel || props.t('block_proceed_other', [String(props.policy.proceedMinutes)]));
    onTrustedClick(proceed, props.onProceed);
    actions.append(proceed);
  }
  panel.append(actions);
  overlay.append(panel);
  return overlay;
}

/**
 * Creates the notice host (not yet in the page).
 * Call `placeNotice` to insert it.
 */
export function createNotice(props: NoticeProps): HTMLElement {
  const host = document.createElement(NOTICE_TAG);
  host.setAttribute('data-kban-verdict', props.classification.verdict);
  host.setAttribute('data-kban-mode', props.mode);
  const root = host.attachShadow({ mode: 'closed' });
  ROOTS.set(host, root);
  const style = document.createElement('style');
  style.textContent = styles;
  root.append(style, props.mode === 'block' ? renderBlock(props) : renderBar(props));
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
