import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ stays plain TypeScript that tests can import.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    permissions: ['storage', 'tabs', 'contextMenus'],
    // The options page's "Fill from TVmaze" (user-triggered): the only network request.
    host_permissions: ['https://api.tvmaze.com/*'],
    ...(browser === 'firefox'
      ? // 128: the first Firefox that runs a manifest content script in the page's world (the shadow-root hook).
        { browser_specific_settings: { gecko: { id: 'plot-armor@plot-armor.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
