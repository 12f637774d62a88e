/**
 * The benchmark's floor: a minimal MV3 extension whose content script, injected by exactly the same
 * `content_scripts` entries as ours (matches, globs, run_at, frames), only reads `document.title`
 * and inserts one marker element.
 * Whatever a content script costs by merely existing (injection, the isolated world, one DOM
 * write) shows up here too, so our cost is reported as the difference from it.
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The marker element the reference script inserts. */
export const REFERENCE_MARKER = 'kban-bench-reference';
/** The Firefox reference add-on's id. */
export const REFERENCE_FIREFOX_ID = 'kban-bench-reference@kban.dev';

const CONTENT_SCRIPT = `(() => {
  const title = document.title;
  const marker = document.createElement('${REFERENCE_MARKER}');
  marker.setAttribute('data-title-length', String(title.length));
  (document.body || document.documentElement).prepend(marker);
})();
`;

interface ContentScriptEntry {
  matches: string[];
  js?: string[];
  css?: string[];
  [key: string]: unknown;
}

/**
 * Writes the reference extension into `dir`, copying every `content_scripts` entry of our built
 * manifest in `ourExtensionDir` with its script replaced (so on a page where ours runs twice, e.g. an
 * `include_globs` entry and an `exclude_globs` one, the reference runs exactly as often as ours).
 *
 * For Firefox (`.output/firefox-mv2`) it writes an MV2 add-on with the id `REFERENCE_FIREFOX_ID`.
 *
 * @example writeReferenceExtension('.output/chrome-mv3', tmp) // → tmp
 */
export function writeReferenceExtension(ourExtensionDir: string, dir: string, browser: 'chrome' | 'firefox' = 'chrome'): string {
  const ours = JSON.parse(readFileSync(path.join(ourExtensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScriptEntry[] };
  const entries = ours.content_scripts ?? [];
  if (!entries.length) throw new Error(`${ourExtensionDir}/manifest.json declares no content scripts`);
  mkdirSync(dir, { recursive: true });
  const contentScripts = entries.map(({ js: _js, css: _css, ...entry }) => ({ ...entry, js: ['reference.js'] }));
  const manifest =
    browser === 'chrome'
      ? {
          manifest_version: 3,
          name: 'kban benchmark reference',
          version: '1.0.0',
          // An (empty) service worker only so the e2e harness can find the extension id the way it does for ours.
          background: { service_worker: 'worker.js' },
          content_scripts: contentScripts,
        }
      : {
          manifest_version: 2,
          name: 'kban benchmark reference',
          version: '1.0.0',
          browser_specific_settings: { gecko: { id: REFERENCE_FIREFOX_ID } },
          content_scripts: contentScripts,
        };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'reference.js'), CONTENT_SCRIPT);
  writeFileSync(path.join(dir, 'worker.js'), '// intentionally empty\n');
  return dir;
}
