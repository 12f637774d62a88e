/**
 * Messages between the content script, the background and the extension pages.
 * @module
 */
import type { Classification } from './classifier/types';

/** What the content script did with the page. */
export type PageAction = 'warned' | 'blocked' | 'exempt-note' | 'dismissed' | 'not-covered' | 'off' | 'listing' | 'none';

/** The content script's view of its page, sent to the background and answered to the popup. */
export interface PageReport {
  url: string;
  classification: Classification;
  action: PageAction;
  /** Kaspersky tiles marked on a listing page. */
  items: number;
  /** How many times the content script has checked this address so far (bounded). */
  checks?: number;
}

export type ExtensionMessage =
  | { type: 'kban:page'; report: PageReport }
  | { type: 'kban:get-page' }
  /** From the first stage: this frame could be a Kaspersky page; inject the page check into it. */
  | { type: 'kban:load-check' }
  /** From a page check with something to show: inject the notice's code into its frame. */
  | { type: 'kban:load-notice' }
  | { type: 'kban:open-details' }
  /** The content script needs the page context before the background has stored it (just after install). */
  | { type: 'kban:page-context' }
  /** The page carries the trace of Kaspersky's web protection (Kaspersky runs on this computer). */
  | { type: 'kban:kaspersky-active'; site: string };
