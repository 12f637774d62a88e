/**
 * The block screen: it covers the page, says why, offers the organisation's link and, where policy
 * allows, to proceed. Loaded only into a frame whose plan is a block (organisations' policy), so pages
 * that only warn never compile it. Shares its parts and base styles with the warning bar.
 * @module
 */
import stylesShared from '../notice/notice.css?inline';
import { createHost, el, onTrustedClick, organisationLines, type NoticeProps } from '../notice/notice-parts';
import stylesBlock from './block-screen.css?inline';

/** The block screen: covers the page, explains, offers the organisation's link (and proceed if allowed). */
function renderBlock(props: NoticeProps): HTMLElement {
  const words = props.words;
  const overlay = el('div', { class: 'overlay' });
  const panel = el('div', { class: 'panel', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'kban-title', 'aria-describedby': 'kban-body' });
  panel.append(el('h2', { id: 'kban-title' }, words.title), el('p', { id: 'kban-body', class: 'lead' }, words.lead), ...organisationLines(props), el('p', { class: 'facts' }, words.facts));
  const actions = el('div', { class: 'actions' });
  const details = el('button', { type: 'button' }, words.details);
  onTrustedClick(details, props.onDetails);
  actions.append(details);
  if (words.proceed) {
    const proceed = el('button', { type: 'button' }, words.proceed);
    onTrustedClick(proceed, props.onProceed);
    actions.append(proceed);
  }
  panel.append(actions);
  overlay.append(panel);
  return overlay;
}

/** Creates the block screen's host, not yet in the page (`placeNotice` puts it on the root element). */
export function createBlockScreen(props: NoticeProps): HTMLElement {
  return createHost(props, stylesShared + stylesBlock, renderBlock(props));
}
