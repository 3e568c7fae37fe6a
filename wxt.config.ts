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
    // alarms: refreshing linked shows' episode lists about once a day, and the watchlist
    // sync retrying a write the browser's rate limit held back.
    permissions: ['storage', 'tabs', 'contextMenus', 'alarms'],
    // The options page's "Fill from TVmaze" (user-triggered): the only network request.
    // Firefox also needs the pages the content script runs on (it asks for them at install
    // already, for the content script) to register the page-state copy, lib/shared/early-state.ts.
    host_permissions: ['https://api.tvmaze.com/*', ...(browser === 'firefox' ? ['http://*/*', 'https://*/*'] : [])],
    // Subscribing to a watchlist file asks for its site then, on the user's click
    // (https; http only on this computer). Firefox's build holds these sites already.
    ...(browser === 'firefox' ? {} : { optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }),
    ...(browser === 'firefox'
      ? // 140: the first Firefox with built-in consent for data collection (128 was the first
        // to run a manifest content script in the page's world, for the shadow-root hook).
        {
          browser_specific_settings: {
            gecko: {
              id: 'plot-armor@plot-armor.dev',
              strict_min_version: '140.0',
              // Nothing leaves the browser, except a show's name the user searches TVmaze
              // for, and only once they agree (asked for on their first search).
              data_collection_permissions: { required: ['none'], optional: ['searchTerms'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Content scripts run in every frame of every page, so their size counts: they use
    // the browser's own promise-based API (MV3 `chrome.*`, Firefox `browser.*`, through
    // WXT's plain `wxt/browser`) instead of webextension-polyfill, which is 10 KB of a
    // 36 KB bundle. Every API they call returns promises natively; their one message
    // listener answers through `sendResponse` (lib/content/tab-messages.ts).
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
      // WXT's isolated-world entry hands `main` a content-script context, which Plot
      // Armor's scripts never use: they keep their own lifetime (lib/content/start.ts),
      // because WXT's context ends a script when any script of the page sends its
      // "started" event. The context is 3 KB of the 40 KB budget and announces itself
      // with an event on the page's document: the entry calls `main` alone, as WXT's
      // main-world entry does. WXT's entry also logs a crash at start through its logger,
      // which prints only in development: in a production build all that is left is the
      // message and a try that only rethrows, dead weight in every frame. Both are
      // rewritten, and the build fails if WXT's entry no longer reads as expected.
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'plot-armor:bare-entry',
          enforce: 'pre',
          transform(code: string, id: string) {
            if (!/content-script-(isolated|main)-world-entrypoint/.test(id)) return null;
            const bare = code
              .replace(/import \{ ContentScriptContext \} from "wxt\/utils\/content-script-context";\n/, '')
              .replace(/const \{ main, \.\.\.options \} = definition;\s*return await main\(new ContentScriptContext\([^;]*\);/, 'return await definition.main();')
              .replace(/try \{([\s\S]*?)\} catch \(err\) \{\s*logger\.error\(`The content script [^;]*;\s*throw err;\s*\}/, '$1');
            if (/ContentScriptContext|logger\.error|catch/.test(bare)) throw new Error(`WXT's content-script entry changed: ${id}`);
            return bare;
          },
        },
      ];
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
