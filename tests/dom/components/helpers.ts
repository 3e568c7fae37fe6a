/**
 * Shared setup for the UI component tests: the real English catalogue behind
 * fakeBrowser's i18n, and a background client wired to the real message handler
 * over fake-indexeddb (so validation and errors are the background's own).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler, type HandlerDeps } from '../../../lib/background/handlers';
import { createTabCounts } from '../../../lib/background/tab-counts';
import { createBackgroundClient, type BackgroundClient } from '../../../lib/shared/client';
import { openPlotArmorDb } from '../../../lib/db/open';
import { messagesOf } from '../../support/catalogue';

// vitest runs without globals, so testing-library cannot register its own cleanup.
afterEach(cleanup);

/** Chrome's substitution rules over the English catalogue. */
export const formatMessage = messagesOf('en');
const catalogue = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;

/** Makes `browser.i18n.getMessage` read the English catalogue. */
export function installI18n(): void {
  fakeBrowser.i18n.getMessage = formatMessage as typeof fakeBrowser.i18n.getMessage;
}

/** The message keys in the catalogue. */
export const MESSAGE_KEYS = Object.keys(catalogue);

/** A client talking to a fresh background (real handler, fresh fake-indexeddb database). */
export function realClient(
  extra: (db: HandlerDeps['db']) => Partial<HandlerDeps> = () => ({}),
): { client: BackgroundClient; publish: ReturnType<typeof vi.fn> } {
  const dbPromise = openPlotArmorDb(`ui-${crypto.randomUUID()}`);
  const publish = vi.fn(async () => {});
  const counts = createTabCounts({ setBadgeText: async () => {}, area: null });
  const origin = 'chrome-extension://test/';
  const db = () => dbPromise;
  const handle = createMessageHandler({ db, publish, counts, extensionOrigin: origin, ...extra(db) });
  const client = createBackgroundClient((message) => handle(message, { url: `${origin}options.html` }));
  return { client, publish };
}
