/**
 * The real options page and popup with the built extension, in each browser: create a
 * list, add terms with Enter, watch an open page get hidden without a reload; pause the
 * site from the popup; export → import round trip. Screenshots of both pages, taken in
 * Chromium, go to .output/screenshots/ (for the README).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  callBackground,
  launchBrowser,
  openScanned,
  selectedBrowsers,
  type DriverPage,
  type ExtensionBrowser,
} from '../support/browsers';
import { manyWatchlists } from '../support/many-watchlists';
import { startServer, type TestServer } from '../support/server';

const SHOTS = '.output/screenshots';
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Winden news</title></head><body>
  <h1 id="headline">Weekend TV</h1>
  <p id="spoiler">In the last episode Jonas Kahnwald finally learns who the stranger is.</p>
  <p id="safe">The weather in the valley stays grey all weekend, say forecasters.</p>
</body></html>`;

let server: TestServer;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', ARTICLE);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const openArticle = (b: ExtensionBrowser) => openScanned(b, `${server.origin}/article.html`);
const stateOf = (page: DriverPage, id: string) => page.attribute(`#${id}`, 'data-plot-armor');
const button = (name: string) => ({ role: 'button', name });

/** Opens the popup as a tab whose "active tab" is `tab`, brought to front before the popup loads. */
async function openPopup(b: ExtensionBrowser, tab: DriverPage): Promise<DriverPage> {
  const popup = await b.newPage();
  await tab.bringToFront();
  await popup.goto(`${b.extensionOrigin}/popup.html`);
  return popup;
}

describe.each(selectedBrowsers())('options page and popup in %s', (name) => {
  it('creates a list, adds terms with Enter, and an open page is hidden without reload', async () => {
    browser = await launchBrowser(name);
    const article = await openArticle(browser);
    expect(await stateOf(article, 'spoiler')).toBeNull();

    const options = await browser.openExtensionPage('options.html');
    await options.fill({ label: 'New watchlist (show title)' }, 'Dark');
    await options.press('Enter');
    await options.waitFor({ role: 'heading', name: 'Dark' });
    const characters = { role: 'textbox', name: 'Add to Characters' };
    await options.fill(characters, 'Jonas Kahnwald');
    await options.press('Enter');
    await options.waitFor(button('Remove “Jonas Kahnwald”'));
    await options.fill(characters, 'Martha Nielsen,');
    await options.waitFor(button('Remove “Martha Nielsen”'));
    expect(await options.texts('.watchlist')).toEqual([expect.stringContaining('Dark')]);

    await expect.poll(() => stateOf(article, 'spoiler'), { timeout: 10_000 }).toBe('hidden');
    expect(await stateOf(article, 'safe')).toBeNull();

    await options.fill({ label: 'Paste a paragraph to see whether it would be hidden' }, 'Martha Nielsen goes back to 1986.');
    await options.waitFor({ text: 'Hidden, for: Dark' });
    // The README's picture is Chromium's.
    if (options.playwright) {
      await options.playwright.setViewportSize({ width: 1100, height: 1100 });
      await options.playwright.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
    }
  });

  it('pauses and resumes the site of the active tab from the popup', async () => {
    browser = await launchBrowser(name);
    const setup = await browser.openExtensionPage('options.html');
    await callBackground(setup, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
    for (let i = 0; i < 11; i++) await callBackground(setup, 'watchlists/create', { title: `Show ${i + 1}`, hideUntil: i === 0 ? Date.now() + 7 * 86_400_000 : null });
    const article = await openArticle(browser);
    await expect.poll(() => stateOf(article, 'spoiler')).toBe('hidden');

    const popup = await openPopup(browser, article);
    await popup.waitFor({ text: '127.0.0.1' });
    await expect.poll(() => popup.text('.site-count')).toBe('Hidden on this page: 1');
    expect(await popup.count({ role: 'searchbox', name: 'Search watchlists' })).toBe(1);

    // The README's pictures are Chromium's.
    if (popup.playwright) {
      await popup.playwright.setViewportSize({ width: 380, height: 600 });
      await popup.playwright.screenshot({ path: join(SHOTS, 'popup.png') });
      await popup.playwright.emulateMedia({ colorScheme: 'dark' });
      await popup.playwright.screenshot({ path: join(SHOTS, 'popup-dark.png') });
      await popup.playwright.emulateMedia({ colorScheme: 'light' });
    }

    await popup.click(button('Pause on this site'));
    await popup.waitFor(button('Resume'));
    expect(await callBackground(popup, 'sites/list', {})).toEqual(['127.0.0.1']);
    await expect.poll(() => stateOf(article, 'spoiler'), { timeout: 10_000 }).not.toBe('hidden');

    await popup.click(button('Resume'));
    await popup.waitFor(button('Pause on this site'));
    expect(await callBackground(popup, 'sites/list', {})).toEqual([]);
    await expect.poll(() => stateOf(article, 'spoiler'), { timeout: 10_000 }).toBe('hidden');
  });

  it('reveals everything on the page from the popup', async () => {
    browser = await launchBrowser(name);
    const setup = await browser.openExtensionPage('options.html');
    await callBackground(setup, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
    const article = await openArticle(browser);
    await expect.poll(() => stateOf(article, 'spoiler')).toBe('hidden');
    const popup = await openPopup(browser, article);
    await popup.click(button('Reveal all on this page'));
    await expect.poll(() => stateOf(article, 'spoiler')).toBe('revealed');
  });

  it('fills a list from TVmaze (recorded responses, no network)', async () => {
    browser = await launchBrowser(name);
    const options = await browser.openExtensionPage('options.html');
    const requested: string[] = [];
    await options.route('https://api.tvmaze.com/', (url) => {
      requested.push(url);
      const file = url.endsWith('/search/shows?q=13%20Reasons%20Why')
        ? 'search-shows-13-reasons-why.json'
        : url.endsWith('/shows/22036/cast') ? 'shows-22036-cast.json' : null;
      if (!file) return { status: 404, body: '{}' };
      return {
        status: 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(join('tests/fixtures/tvmaze', file), 'utf8'),
      };
    });
    await options.fill({ label: 'New watchlist (show title)' }, '13 Reasons Why');
    await options.click(button('Add'));
    await options.click({ text: 'Fill from TVmaze' });
    expect(requested).toEqual([]);
    await options.click(button('Search'));
    await options.click(button('13 Reasons Why (2017) · Netflix'));
    const devin = { role: 'checkbox', name: 'Devin Druid (Cast)' };
    await options.waitFor(devin);
    await options.click(devin); // checked by default: unchecks it
    await options.click(button('Add checked names'));
    await options.waitFor(button('Remove “Hannah Baker”'));
    const [list] = await callBackground<{ characters: string[]; cast: string[] }[]>(options, 'watchlists/list', {});
    expect(list!.characters).toContain('Clay Jensen');
    expect(list!.cast).toHaveLength(8);
    expect(requested).toHaveLength(2);
    if (name === 'firefox') {
      // The search asked for Firefox's data consent (granted here without a prompt).
      const granted = await options.evaluate(async () => (globalThis as any).browser.permissions.getAll());
      expect(granted.data_collection).toContain('searchTerms');
    }
  });

  // How fast it opens is measured by `npm run bench` (bench/popup.ts), not asserted here.
  it('opens the popup with 200 watchlists, a 300-letter title wrapping instead of widening it', async () => {
    browser = await launchBrowser(name);
    const options = await browser.openExtensionPage('options.html');
    await callBackground(options, 'watchlists/import', { text: JSON.stringify(manyWatchlists(200)) });
    const popup = await browser.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    await popup.waitForFunction(() => document.querySelectorAll('.watchlist').length === 200);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await popup.close();
  });

  it('works with the keyboard alone: create a list, add a term, delete it and undo', async () => {
    browser = await launchBrowser(name);
    const options = await browser.openExtensionPage('options.html');
    const focused = () => options.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.tagName ?? ''} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''} ${el?.id ?? ''}`;
    });
    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 60; i++) {
        await options.press('Tab');
        if (pattern.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${pattern}; last: ${await focused()}`);
    };
    await tabTo(/^INPUT .*-title$/); // the new-watchlist title field (first text field)
    await options.type('Dark');
    await options.press('Enter');
    await options.waitFor({ role: 'heading', name: 'Dark' });
    await tabTo(/Add to Characters/);
    await options.type('Jonas Kahnwald');
    await options.press('Enter');
    await options.waitFor(button('Remove “Jonas Kahnwald”'));
    await tabTo(/Delete “Dark”/);
    await options.press('Enter');
    await options.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Deleted “Dark”.'));
    expect(await focused()).toMatch(/^BUTTON Undo/); // focus lands on Undo
    await options.press('Enter');
    await options.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.includes('Restored “Dark”.'));
    const [list] = await callBackground<{ characters: string[] }[]>(options, 'watchlists/list', {});
    expect(list!.characters).toEqual(['Jonas Kahnwald']);
  });

  it('round-trips export → import through the options page', async () => {
    browser = await launchBrowser(name);
    const options = await browser.openExtensionPage('options.html');
    await callBackground(options, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'] });
    await options.reload();
    const file = await options.download(() => options.click(button('Export all watchlists')));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'plot-armor', watchlists: [{ title: 'Dark' }] });

    await callBackground(options, 'watchlists/delete', { id: (await callBackground<{ id: string }[]>(options, 'watchlists/list', {}))[0]!.id });
    await options.setInputFiles('input[type="file"]', file);
    expect(await options.text('[role="status"]')).toContain('Imported');
    const lists = await callBackground<{ title: string; characters: string[]; cast: string[] }[]>(options, 'watchlists/list', {});
    expect(lists).toMatchObject([{ title: 'Dark', characters: ['Jonas Kahnwald'], cast: ['Louis Hofmann'] }]);
  });
});
