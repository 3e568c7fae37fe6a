/**
 * Keeps Firefox's registered page-state script (see `lib/shared/early-state.ts`) in step with
 * what the background publishes: one registration at a time, replaced on each change.
 */
import { earlyStateCode } from '../shared/early-state';

/** The part of Firefox's `browser.contentScripts` (MV2) this needs. */
export interface ContentScriptsApi {
  register(options: {
    matches: string[];
    js: { code: string }[];
    allFrames: boolean;
    matchAboutBlank: boolean;
    runAt: 'document_start';
  }): Promise<{ unregister(): Promise<void> }>;
}

/** The same pages as the main content script (see entrypoints/content/index.ts). */
const MATCHES = ['http://*/*', 'https://*/*'];

/** Creates the publisher; with no API (Chromium) publishing does nothing. */
export function createEarlyStatePublisher(api: ContentScriptsApi | null) {
  let current: { unregister(): Promise<void> } | null = null;
  let queue: Promise<void> = Promise.resolve();
  return {
    /** Replaces the registered state with `items` (changes are applied in order). */
    publish(items: Record<string, unknown>): Promise<void> {
      if (!api) return Promise.resolve();
      queue = queue.then(async () => {
        // The old state goes first: a page loading in between reads storage instead.
        await current?.unregister().catch(() => {});
        current = null;
        const code = earlyStateCode(items);
        if (code === null) return; // too large to put in every frame: storage it is
        current = await api.register({
          matches: MATCHES,
          js: [{ code }],
          allFrames: true,
          matchAboutBlank: true,
          runAt: 'document_start',
        });
      }).catch(() => {
        current = null; // content scripts still read storage
      });
      return queue;
    },
  };
}
