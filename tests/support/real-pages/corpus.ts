/**
 * The saved real pages (tests/fixtures/real, see its SOURCES.md) as the real-page tier
 * and its benchmark use them: served from the loopback server, opened and read in a
 * browser, and the watchlist drawn from their text imported through the options page.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { MatchList } from '../../../lib/shared/watchlist';
import { importThroughOptions, type ExtensionBrowser } from '../chromium';
import type { TestServer } from '../server';
import { readPage, type PageReading } from './read-page';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'real');

/** The saved pages' file names, sorted. */
export const REAL_PAGES: readonly string[] = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();

/** Serves every saved page from `server`; returns the URL of one. */
export function serveRealPages(server: TestServer): (page: string) => string {
  for (const page of REAL_PAGES) server.html(`/real/${page}`, readFileSync(join(DIR, page), 'utf8'));
  return (page) => `${server.origin}/real/${page}`;
}

/**
 * Waits until the page is scanned (with the extension), its fonts are in, and its height
 * has held for five frames. A saved page's height can still change a moment after `load`
 * (katzen-forum's drops by 158 px once its missing images are given up on): on a busy
 * machine two frames were not always enough, and a reading taken before that differs
 * from one taken after, with or without the extension.
 */
export async function settle(page: Page, scanned: boolean): Promise<void> {
  if (scanned) await page.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
  await page.evaluate(async () => {
    await document.fonts.ready;
    let last = -1;
    for (let frames = 0, same = 0; same < 5 && frames < 120; frames++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const height = document.documentElement.scrollHeight;
      same = height === last ? same + 1 : 0;
      last = height;
    }
  });
}

export interface RealPageLoad {
  reading: PageReading;
  /** Uncaught exceptions and console errors (failed resource loads left out: every URL but the server's is dead). */
  errors: string[];
}

/** Opens a page, waits until it is laid out (and scanned, with the extension), reads it. */
export async function openAndRead(context: BrowserContext, url: string, scanned: boolean): Promise<RealPageLoad> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page, scanned);
  // Under tsx (the benchmarks) the function's inner helpers are named through `__name`,
  // a helper of tsx's that the page lacks: give the page one that does nothing.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const reading = await page.evaluate(readPage);
  await page.close();
  return { reading, errors };
}

/** Imports watchlists as a user would (a file through the options page); returns the options page. */
export async function importWatchlists(browser: ExtensionBrowser, lists: readonly MatchList[]): Promise<Page> {
  const file = join(mkdtempSync(join(tmpdir(), 'plot-armor-real-')), 'watchlist.json');
  writeFileSync(file, JSON.stringify({ format: 'plot-armor', version: 1, watchlists: lists }));
  return importThroughOptions(browser, file);
}
