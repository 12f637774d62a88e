/**
 * The warning bar, and the calm note on exempt services: plain DOM in a closed shadow root (no Preact on
 * web pages), all text set with `textContent`, never as HTML. Buttons act only on a person's clicks, so
 * page script can neither read, restyle nor press them. The block screen is entrypoints/block-screen:
 * pages that only warn never load it.
 * @module
 */
import { createHost, el, onTrustedClick, organisationLines, type NoticeProps } from './notice-parts';
import styles from './notice.css?inline';

/**
 * A warning triangle, or for exempt services a calm "i" in a circle, drawn by the stylesheet: an inline SVG
 * would set up the browser's SVG element classes in this script's world on every page that shows a notice
 * (about 0.3 ms), and an image would be subject to the page's content security policy.
 */
function icon(exempt: boolean): HTMLElement {
  return el('span', { class: exempt ? 'icon info' : 'icon warning', 'aria-hidden': 'true' });
}

/** The warning bar (or the calm exempt note): title, what it means and what to do, then the small print. */
function renderBar(props: NoticeProps): HTMLElement {
  const exempt = props.classification.verdict === 'exempt';
  const words = props.words;
  const bar = el('div', { class: exempt ? 'bar exempt' : 'bar', role: exempt ? 'note' : 'alert', 'aria-labelledby': 'kban-title' });
  const text = el('div', { class: 'text' });
  text.append(el('strong', { class: 'title', id: 'kban-title' }, words.title), el('p', { class: 'lead' }, words.lead));
  if (!exempt) text.append(...organisationLines(props));
  if (words.kasperskyActive) text.append(el('p', { class: 'active-note', 'data-kban-note': 'kaspersky-active' }, words.kasperskyActive));
  text.append(el('p', { class: 'facts' }, words.facts));
  const actions = el('div', { class: 'actions' });
  const details = el('button', { type: 'button' }, words.details);
  onTrustedClick(details, props.onDetails);
  actions.append(details);
  if (words.dismiss) {
    const dismiss = el('button', { type: 'button', class: 'close', 'aria-label': words.dismiss }, '×');
    dismiss.title = words.dismiss;
    onTrustedClick(dismiss, props.onDismiss);
    actions.append(dismiss);
  }
  bar.append(icon(exempt), text, actions);
  return bar;
}

/** Creates the warning bar (or exempt note) host, not yet in the page (`placeNotice` puts it there). */
export function createNotice(props: NoticeProps): HTMLElement {
  return createHost(props, styles, renderBar(props));
}
