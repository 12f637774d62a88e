/**
 * Injects the later stages on demand: the page check into the frame whose first stage asked for it
 * (and, in "every site" mode, into the top frame of a tab whose address or title names Kaspersky), and
 * the code a plan needs into the frame it answers (`scriptsForPlan`); and asks page checks for their
 * report or a re-check.
 * @module
 */
import { browser } from 'wxt/browser';
import type { PageCheckApi, PageReport } from '../core/messages';
import type { PageRule } from '../core/classifier/types';
import { PAGE_CHECK_API_KEY, pageCheckScripts } from '../core/site-rules/find-rule';
import { forgetPageCheck, pageCheckFrames } from './page-check-frames';

export interface FrameTarget {
  tabId: number;
  frameId: number;
  /** Chromium names the document, so a frame that navigated meanwhile is never injected by mistake. */
  documentId?: string;
}

/** `scripting.executeScript`, with files or with a function (absent where the browser has no `scripting`). */
type ExecuteScript = (details: { target: Record<string, unknown>; files?: string[]; func?: (...args: string[]) => unknown; args?: string[]; injectImmediately?: boolean }) => Promise<Array<{ result?: unknown }>>;
const scriptingApi = (): ExecuteScript | undefined => (browser as unknown as { scripting?: { executeScript: ExecuteScript } }).scripting?.executeScript;
/** The document where Chromium names it (a frame that navigated since is not reached), else the frame. */
const targetOf = (frame: FrameTarget) => (frame.documentId ? { tabId: frame.tabId, documentIds: [frame.documentId] } : { tabId: frame.tabId, frameIds: [frame.frameId] });

/**
 * Runs the page check for `rule` in `frame`, after `files` (a no-op when the check already runs there: it
 * guards itself). Resolves false when the frame is gone or the extension has no access to it.
 */
export function injectPageCheck(frame: FrameTarget, rule: Partial<Pick<PageRule, 'role' | 'structuredData'>>, files: string[] = []): Promise<boolean> {
  return injectScripts(frame, [...files, ...pageCheckScripts(rule)]);
}

/** Runs `files` in `frame`, in order, at once. Resolves false when the frame is gone or not ours to script. */
export async function injectScripts(frame: FrameTarget, files: string[]): Promise<boolean> {
  const executeScript = scriptingApi();
  if (!executeScript) return false;
  try {
    await executeScript({ target: targetOf(frame), files, injectImmediately: true });
    return true;
  } catch {
    return false; // the tab or frame navigated away, or the site is not ours to script
  }
}

/**
 * Runs `call` on the page check in one frame, in the isolated world it shares with this function: a page
 * check offers `PageCheckApi` there, so pages carry no message listener for this. `{ value }`, or null
 * where there is no page check, the frame is gone, or it is not ours to script.
 */
async function callPageCheck<K extends keyof PageCheckApi>(frame: FrameTarget, call: K): Promise<{ value: ReturnType<PageCheckApi[K]> } | null> {
  const executeScript = scriptingApi();
  if (!executeScript) return null;
  // Serialised into the frame: it may use nothing outside itself. (A frame's undefined result is dropped, hence the wrapper.)
  const func = (key: string, name: string) => {
    const api = (globalThis as unknown as Record<symbol, Record<string, () => unknown> | undefined>)[Symbol.for(key)];
    return typeof api?.[name] === 'function' ? { value: api[name]() } : null;
  };
  try {
    const [result] = await executeScript({ target: targetOf(frame), func, args: [PAGE_CHECK_API_KEY, call], injectImmediately: true });
    return result?.result && typeof result.result === 'object' ? (result.result as { value: ReturnType<PageCheckApi[K]> }) : null;
  } catch {
    return null; // the tab or document is gone, or not ours to script
  }
}

/**
 * What the page check in a tab's top frame reported: null when the frame has no page check (or is not
 * ours to script), undefined when it has not finished its first check.
 */
export async function pageReportOf(tabId: number): Promise<PageReport | undefined | null> {
  const frame = await callPageCheck({ tabId, frameId: 0 }, 'report');
  if (!frame) return null;
  const report = frame.value;
  return report && typeof report === 'object' && report.classification ? report : undefined;
}

/**
 * Has every page check that asked for a plan check its page again (settings or policy changed). Frames
 * that never asked are not touched; a frame that no longer has a page check is forgotten.
 */
export async function recheckPages(): Promise<void> {
  const frames = await pageCheckFrames();
  await Promise.all(
    frames.map(async (frame) => {
      if (!(await callPageCheck(frame, 'recheck'))) await forgetPageCheck(frame);
    }),
  );
}
