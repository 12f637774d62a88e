import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { SITE_RULES } from './components/core/site-rules';
import { GENERIC_RULE } from './components/core/site-rules/generic';
import { SCRIPTS, contentMatches, ruleContentScripts, ruleScriptPath, serializeRule } from './components/core/site-rules/find-rule';
import { SEARCH_MATCHES } from './components/core/search/search-engines';

/**
 * Public half of the release signing key. Chromium derives the extension id
 * (nnlcbcdhgclnjnneohgonnciomnldjmb) from it, so admins can key policy by that id.
 * The private key is never in this repository.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApZivRtjDaDSjC+pAqKXxSLYFGOaGOgtmv3bUtIm/66yvw0W+mvyBEidBP0zSr5e1e1NEBLe6vYQD4LnuE+m8LXOwpVr85UcLBQnnw89iX51G/jf6TbXsYx4f6bvd/sGBS1OxOv7JSEfAAJV67Y2GgxXf6hILU7OP0EeLDUGvpFnu8syrxCY99G4cRKn97IfXbCbccJidKDM+RSklQsCLejFv/epUrwZ306472JZ1/gJOSntSMkbIyFe4QcpLVj6yKlIMll948aKXRnkUT8LXlmm5ULdLHYTJYNsb6rf3vQYyBqb2uExnzKj5ASYzYzWcnvZ447USlS3SfWXs8FTq8wIDAQAB';

/** Fixed Firefox add-on id; Firefox policies.json is keyed by it. */
export const FIREFOX_ID = 'kban@kban.dev';

/**
 * The organisation package (`wxt build --mode org`, part of `npm run build`): the same extension with
 * access to all sites granted at install, so policy `allSites` works without any user action (browsers
 * cannot grant optional site access by policy). Its own id, so admins choose it explicitly:
 * Chrome/Edge ighfapiekfkmdcalbpkbpgcfjjjdfjbk (from this public key), Firefox kban-org@kban.dev.
 */
const ORG_CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA5GWl2X4hUUmZ37nD3o9jBhVuFRiuP5tHQ55Yut45gCrBIKeft2p+PnChAzAqKCSvh3t4pmiLM0RS4GsqUP22Q5mltBWlnbZ+BgjaoMD9sqcZdtTycgrm4H8PfSsMVuNiz0t/qaIIPckt6I6R8XYS+j4eHsOFQSdzFWIJfbXViha8ttLRJyqEWdiBZH198nsSNxYI/FX0eKKLqtvYzDl///8PXzjUPqMDfik3WjDGB0lhC2gDc/rdti236NcZjqqk8J0sB9j6w9Oagw5TBTSb24rhovm4nl5+yJ1+wxb7sbQgjtyavEAC0lC3kfDFZS/MxntKy/4wRe/fW2R+Kkc88wIDAQAB';
export const FIREFOX_ORG_ID = 'kban-org@kban.dev';

/** The entrypoints that run in web pages (isolated worlds), built without webextension-polyfill. */
const PAGE_SCRIPTS = ['first-stage', 'page-check', 'structured-data', 'listing', 'generic-check', 'notice', 'block-screen', 'search-results'];

/**
 * Every page script but these is compiled at once: its code nearly all runs once it is loaded. V8 compiles a function lazily, when it is
 * first called, after pre-parsing it with the rest of the file: two parses, each on the page's main
 * thread (content scripts get no code cache). This comment (V8's explicit compile hint, Chromium 136+;
 * other engines ignore it) has the whole file compiled at once instead: about 1 ms less per flagged page
 * (README, Performance). Not for the first stage, which runs on every page and is mostly its test, nor for
 * the search-results script, which is not measured.
 */
const LAZY_COMPILE = ['first-stage', 'search-results'];
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** What "every site" mode asks for: web pages on any host (components/core/probe/every-site-target.ts). */
const ALL_SITES = '*://*/*';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  zip: {
    excludeSources: ['tests/**', '.ci/**', 'docs/screenshots/**', 'docs/store/screenshots/**', '.tmp/**', '**/*.pem'],
  },
  manifest: ({ browser, mode }) => ({
    name: mode === 'org' ? '__MSG_ext_name_org__' : '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // Each permission is justified in tests/manifest.test.ts; adding one fails that test.
    permissions: ['storage', 'declarativeNetRequest', 'alarms', 'scripting'],
    optional_host_permissions: mode === 'org' ? [...SEARCH_MATCHES] : [...SEARCH_MATCHES, ALL_SITES],
    ...(mode === 'org' ? { host_permissions: [ALL_SITES] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: mode === 'org' ? FIREFOX_ORG_ID : FIREFOX_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: mode === 'org' ? ORG_CHROME_PUBLIC_KEY : CHROME_PUBLIC_KEY,
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  hooks: {
    // Scripts that run in web pages use the browser's own API, not the polyfill (components/platform/page-browser.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => PAGE_SCRIPTS.includes(entrypoint.name))) return;
      const own = { find: /^wxt\/browser$/, replacement: fileURLToPath(new URL('./components/platform/page-browser.ts', import.meta.url)) };
      const alias = config.resolve?.alias;
      const rest = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [own, ...rest] };
      if (entrypoints.some((entrypoint) => LAZY_COMPILE.includes(entrypoint.name))) return;
      const compileHint: Plugin = {
        name: 'kban:compile-hint',
        // After minification, which would drop the comment.
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
        },
      };
      config.plugins = [...(config.plugins ?? []), compileHint];
    },
    // Each site's rule ships as its own small script (see components/core/site-rules/find-rule.ts).
    'build:publicAssets': (_wxt, files) => {
      for (const rule of SITE_RULES) files.push({ relativeDest: ruleScriptPath(rule), contents: serializeRule(rule) });
      // The rule for sites without their own: injected by the background in "every site" mode, never by the manifest.
      files.push({ relativeDest: ruleScriptPath(GENERIC_RULE), contents: serializeRule(GENERIC_RULE) });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...ruleContentScripts(SITE_RULES),
        ...(manifest.content_scripts ?? []).filter((entry) => !entry.js?.some((file) => Object.values(SCRIPTS).includes(file as never))),
      ];
      // The background injects the page check into covered pages on demand (scripting.executeScript),
      // which needs host access to the covered sites: the same sites, and the same install prompt, as
      // the content scripts above. Search engines stay optional until the user grants them.
      const covered = contentMatches(SITE_RULES);
      const optionalHosts: string[] = [...(manifest.optional_host_permissions ?? [])];
      const optional = new Set<string>([...SEARCH_MATCHES, ...optionalHosts]);
      const otherHosts = (manifest.host_permissions ?? []).filter((host: string) => !optional.has(host) && !covered.includes(host));
      if (manifest.manifest_version === 2) {
        // MV2 has no (optional_)host_permissions: hosts go in (optional_)permissions.
        manifest.permissions = [...(manifest.permissions ?? []).filter((permission) => !optional.has(permission)), ...covered, ...otherHosts];
        manifest.optional_permissions = [...new Set([...(manifest.optional_permissions ?? []), ...optionalHosts])];
        delete manifest.host_permissions;
        delete manifest.optional_host_permissions;
      } else manifest.host_permissions = [...covered, ...otherHosts];
    },
  },
});
