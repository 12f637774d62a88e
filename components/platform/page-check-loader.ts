/**
 * Injects the later stages on demand: the page check into the frame whose first stage asked for it
 * (and, in "every site" mode, into the top frame of a tab whose address or title names Kaspersky), and
 * the notice into a frame whose page check has something to show.
 * @module
 */
import { browser } from 'wxt/browser';
import type { ExtensionMessage } from '../core/messages';
import { SCRIPTS } from '../core/site-rules/find-rule';

export interface FrameTarget {
  tabId: number;
  frameId: number;
  /** Chromium names the document, so a frame that navigated meanwhile is never injected by mistake. */
  documentId?: string;
}

type ExecuteScript = (details: { target: Record<string, unknown>; files: string[]; injectImmediately?: boolean }) => Promise<unknown>;

/**
 * Runs `files` and then the page check in `frame` (a no-op when the check already runs there: it
 * guards itself). Resolves false when the frame is gone or the extension has no access to it.
 */
export function injectPageCheck(frame: FrameTarget, files: string[] = []): Promise<boolean> {
  return injectScripts(frame, [...files, SCRIPTS.pageCheck]);
}

/** Runs `files` in `frame`, in order, at once. Resolves false when the frame is gone or not ours to script. */
export async function injectScripts(frame: FrameTarget, files: string[]): Promise<boolean> {
  const executeScript = (browser as unknown as { scripting?: { executeScript: ExecuteScript } }).scripting?.executeScript;
  if (!executeScript) return false;
  const target = frame.documentId ? { tabId: frame.tabId, documentIds: [frame.documentId] } : { tabId: frame.tabId, frameIds: [frame.frameId] };
  try {
    await executeScript({ target, files, injectImmediately: true });
    return true;
  } catch {
    return false; // the tab or frame navigated away, or the site is not ours to script
  }
}

/** Asks every page check, in every tab and frame, to check its page again (settings or policy changed). */
export async function recheckPages(): Promise<void> {
  const message: ExtensionMessage = { type: 'kban:recheck' };
  const tabs = await browser.tabs.query({}).catch(() => []);
  // A tab without a page check has no receiver: its refusal is expected.
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}
