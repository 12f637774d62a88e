import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SITE_RULES } from './components/core/site-rules';
import { contentMatches, ruleContentScripts, ruleScriptPath, serializeRule } from './components/core/site-rules/find-rule';
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

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  zip: {
    excludeSources: ['tests/**', '.ci/**', 'docs/screenshots/**', 'docs/store/screenshots/**', '.tmp/**', '**/*.pem'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // Each permission is justified in tests/manifest.test.ts; adding one fails that test.
    permissions: ['storage', 'declarativeNetRequest', 'alarms', 'scripting'],
    optional_host_permissions: [...SEARCH_MATCHES],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_PUBLIC_KEY,
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  hooks: {
    // Each site's rule ships as its own small script (see components/core/site-rules/find-rule.ts).
    'build:publicAssets': (_wxt, files) => {
      for (const rule of SITE_RULES) files.push({ relativeDest: ruleScriptPath(rule), contents: serializeRule(rule) });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      const pageCheck = 'content-scripts/kban.js';
      manifest.content_scripts = [
        ...ruleContentScripts(SITE_RULES, pageCheck),
        ...(manifest.content_scripts ?? []).filter((entry) => !entry.js?.includes(pageCheck)),
      ];
      // Runtime-registered scripts must not become install-time host access: the page check runs
      // through the entries above, and search engines stay optional until the user grants them.
      const notDefault = new Set([...contentMatches(SITE_RULES), ...SEARCH_MATCHES]);
      const hosts = (manifest.host_permissions ?? []).filter((host: string) => !notDefault.has(host));
      if (hosts.length) manifest.host_permissions = hosts;
      else delete manifest.host_permissions;
      if (manifest.manifest_version === 2) {
        // MV2 has no optional_host_permissions: optional hosts go in optional_permissions.
        manifest.permissions = (manifest.permissions ?? []).filter((permission) => !notDefault.has(permission));
        manifest.optional_permissions = [...new Set([...(manifest.optional_permissions ?? []), ...SEARCH_MATCHES])];
      }
    },
  },
});
