/**
 * The frames whose page check has asked the background for a plan (`kban:check`). Only those can show
 * something a change of settings or policy alters, so a re-check goes to them alone: running a function in
 * any other frame would create an extension context in a page kban left alone.
 *
 * Kept in `storage.session` (trusted contexts only): Chromium may stop the service worker between a page's
 * check and a settings change. Chromium names each frame's document, so a frame that has navigated since is
 * never reached; Firefox does not, and there a frame that navigated is reached once, answers that it has no
 * page check, and is forgotten.
 * @module
 */
import { browser } from 'wxt/browser';
import type { FrameTarget } from './page-check-loader';

const KEY = 'pageCheckFrames';
/** Frames per tab id. */
type Known = Record<string, FrameTarget[]>;

function isFrame(value: unknown): value is FrameTarget {
  const frame = value as FrameTarget | null;
  return (
    typeof frame === 'object' && frame !== null && Number.isInteger(frame.tabId) && Number.isInteger(frame.frameId) && (frame.documentId === undefined || typeof frame.documentId === 'string')
  );
}

/** What storage holds, keeping only well-formed entries (anything else reads as nothing known). */
async function load(): Promise<Known> {
  const stored = (await browser.storage.session.get(KEY).catch(() => undefined))?.[KEY];
  const known: Known = {};
  if (typeof stored !== 'object' || stored === null) return known;
  for (const [tabId, frames] of Object.entries(stored)) {
    if (Array.isArray(frames)) known[tabId] = frames.filter(isFrame);
  }
  return known;
}

// One change at a time: each reads what the one before it wrote.
let queue: Promise<unknown> = Promise.resolve();
function update(change: (known: Known) => boolean): Promise<void> {
  const next = queue.then(async () => {
    const known = await load();
    if (change(known)) await browser.storage.session.set({ [KEY]: known });
  });
  queue = next.catch(() => undefined);
  return next.catch(() => undefined);
}

const sameDocument = (a: FrameTarget, b: FrameTarget) => a.frameId === b.frameId && a.documentId === b.documentId;

/** Notes that `frame` runs a page check (a new document in a frame replaces the one it had). */
export function rememberPageCheck({ tabId, frameId, documentId }: FrameTarget): Promise<void> {
  const entry: FrameTarget = documentId === undefined ? { tabId, frameId } : { tabId, frameId, documentId };
  return update((known) => {
    const frames = known[entry.tabId] ?? [];
    if (frames.some((other) => sameDocument(other, entry))) return false;
    known[entry.tabId] = [...frames.filter((other) => other.frameId !== entry.frameId), entry];
    return true;
  });
}

/** Forgets one frame's document: it has no page check any more. */
export function forgetPageCheck(frame: FrameTarget): Promise<void> {
  return update((known) => {
    const frames = known[frame.tabId] ?? [];
    const kept = frames.filter((other) => !sameDocument(other, frame));
    if (kept.length === frames.length) return false;
    if (kept.length) known[frame.tabId] = kept;
    else delete known[frame.tabId];
    return true;
  });
}

/** Forgets a closed tab's frames. */
export function forgetTab(tabId: number): Promise<void> {
  return update((known) => tabId in known && delete known[tabId]);
}

/** Every frame known to run a page check. */
export async function pageCheckFrames(): Promise<FrameTarget[]> {
  await queue;
  return Object.values(await load()).flat();
}
