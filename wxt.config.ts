import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    excludeSources: ['tests/**', '.ci/**', 'docs/screenshots/**', '.tmp/**', '**/*.pem'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // Each permission is justified in tests/manifest.test.ts; adding one fails that test.
    permissions: ['storage', 'declarativeNetRequest'],
    optional_host_permissions: [
      '*://www.google.com/*',
      '*://www.bing.com/*',
      '*://duckduckgo.com/*',
    ],
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
});
