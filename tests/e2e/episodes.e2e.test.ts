/**
 * Episodes, end to end in Chromium, with TVmaze answered from tests/fixtures/tvmaze (the
 * requests are routed; nothing reaches the network): link a show from the options page,
 * set progress in the popup and watch an open tab follow without a reload, an episode
 * airing (the fixture's clock, shifted to a few seconds from now) switching a list back
 * on, and a rate-limited answer shown in the user's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, launchBrowser, openScanned, selectedBrowsers, type DriverPage, type ExtensionBrowser } from '../support/browsers';
import { startServer, type TestServer } from '../support/server';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TV this week</title></head><body>
  <p id="recap">Our recap of 13 Reasons Why S02E05: Clay and Tony look for the Polaroids.</p>
  <p id="preview">Coming up in S02E06: Clay finds what the Polaroids were hiding.</p>
  <p id="safe">The weather stays grey all weekend.</p>
</body></html>`;

const fixture = (file: string) => readFileSync(join('tests/fixtures/tvmaze', file), 'utf8');
const json = (body: string, status = 200) => ({ status, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body });
const button = (name: string) => ({ role: 'button', name });

let server: TestServer;
let browser: ExtensionBrowser | null = null;
let second: ExtensionBrowser | null = null;
beforeAll(async () => {
  server = await startServer();
  server.html('/tv.html', PAGE);
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  await second?.close();
  browser = second = null;
});

const stateOf = (page: DriverPage, id: string) => page.attribute(`#${id}`, 'data-plot-armor');

type Items = Record<string, unknown>;
/** `chrome.storage.sync` (in a page's evaluate: the function's text runs there, so each one names it itself). */
interface WithSync {
  chrome: { storage: { sync: { get(keys: null): Promise<Items>; set(items: Items): Promise<void> } } };
}
interface Listed {
  id: string;
  progress: unknown;
  mode: string;
  exceptions: string[];
  link: { tvmazeId: number; episodes: unknown[] } | null;
}

/** Routes TVmaze: the search, and the episode list (`episodes` answers it, or a status). */
async function routeTvmaze(page: DriverPage, episodes: () => { status: number; body: string }) {
  await page.route('https://api.tvmaze.com/', (url) => {
    if (url.endsWith('/search/shows?q=13%20Reasons%20Why')) return json(fixture('search-shows-13-reasons-why.json'));
    if (url.endsWith('/shows/22036/episodes')) {
      const { status, body } = episodes();
      return json(body, status);
    }
    return json('{}', 404);
  });
}

/** Creates "13 Reasons Why" on the options page and opens its editor. */
async function createShow(options: DriverPage) {
  await options.fill({ label: 'New watchlist (show title)' }, '13 Reasons Why');
  await options.click(button('Add'));
  await options.waitFor({ role: 'heading', name: '13 Reasons Why' });
}

/** Opens the popup as a tab whose "active tab" is `tab`. */
async function openPopup(b: ExtensionBrowser, tab: DriverPage): Promise<DriverPage> {
  const popup = await b.newPage();
  await tab.bringToFront();
  await popup.goto(`${b.extensionOrigin}/popup.html`);
  return popup;
}

/** Picks `value` ("2:5") in the popup's "Watched up to" picker. */
async function pickProgress(popup: DriverPage, value: string) {
  await popup.waitFor({ role: 'combobox', name: 'Watched up to' });
  await popup.evaluate((v) => {
    const select = document.querySelector('select')!;
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

describe.runIf(selectedBrowsers().includes('chromium'))('episodes in chromium', () => {
  it('links a show, sets progress in the popup, and an open tab follows live', async () => {
    browser = await launchBrowser('chromium');
    const options = await browser.openExtensionPage('options.html');
    await routeTvmaze(options, () => ({ status: 200, body: fixture('shows-22036-episodes.json') }));
    await createShow(options);
    await options.click({ role: 'radio', name: "Only what's past my episode" });
    await options.click(button('Find the episode list'));
    await options.click(button('Link 13 Reasons Why (2017)'));
    await options.waitFor({ text: 'Linked to TVmaze: 28 episodes' });
    await callBackground(options, 'terms/add', {
      id: (await callBackground<{ id: string }[]>(options, 'watchlists/list', {}))[0]!.id,
      group: 'characters',
      terms: ['Clay Jensen'],
    });

    const tab = await openScanned(browser, `${server.origin}/tv.html`);
    // Nothing watched yet: both the recap and the preview lie past the boundary.
    await expect.poll(() => stateOf(tab, 'recap')).toBe('hidden');
    expect(await stateOf(tab, 'preview')).toBe('hidden');
    expect(await stateOf(tab, 'safe')).toBeNull();

    const popup = await openPopup(browser, tab);
    await pickProgress(popup, '2:5');
    await expect.poll(() => stateOf(tab, 'recap')).toBeNull();
    expect(await stateOf(tab, 'preview')).toBe('hidden');
    await pickProgress(popup, '2:6');
    await expect.poll(() => stateOf(tab, 'preview')).toBeNull();
  });

  it('switches a caught-up list back on when the next episode airs, with no reload', async () => {
    browser = await launchBrowser('chromium');
    const options = await browser.openExtensionPage('options.html');
    // The fixture's clock: season 3, episode 2 airs a few seconds after the list is linked.
    const airsAt = () => Date.now() + 6_000;
    await routeTvmaze(options, () => {
      const episodes = JSON.parse(fixture('shows-22036-episodes.json')) as { season: number; number: number; airstamp: string }[];
      episodes.find((e) => e.season === 3 && e.number === 2)!.airstamp = new Date(airsAt()).toISOString();
      return { status: 200, body: JSON.stringify(episodes) };
    });
    await createShow(options);
    await options.click(button('Find the episode list'));
    await options.click(button('Link 13 Reasons Why (2017)'));
    await options.waitFor({ text: 'Linked to TVmaze: 28 episodes' });
    const [list] = await callBackground<{ id: string; link: { episodes: { airstamp: string }[] } }[]>(options, 'watchlists/list', {});
    expect(Date.parse(list!.link.episodes[27]!.airstamp)).toBeGreaterThan(Date.now());
    await callBackground(options, 'watchlists/update', {
      id: list!.id,
      patch: { characters: ['Clay Jensen'], onlyWhileBehind: true, progress: { season: 3, episode: 1 } },
    });

    const tab = await openScanned(browser, `${server.origin}/tv.html`);
    // Caught up: the list hides nothing…
    expect(await stateOf(tab, 'preview')).toBeNull();
    // …until S3E2 airs; the open tab switches it on by itself.
    await expect.poll(() => stateOf(tab, 'preview'), { timeout: 20_000 }).toBe('hidden');
    const popup = await openPopup(browser, tab);
    await popup.waitFor(button('New: S3E2 — watched it?'));
    await popup.click(button('New: S3E2 — watched it?'));
    await expect.poll(() => stateOf(tab, 'preview')).toBeNull();
  });

  it('carries progress to a second computer through storage.sync, which fetches the episode list itself', async () => {
    browser = await launchBrowser('chromium');
    const options = await browser.openExtensionPage('options.html');
    await routeTvmaze(options, () => ({ status: 200, body: fixture('shows-22036-episodes.json') }));
    await createShow(options);
    await options.click(button('Find the episode list'));
    await options.click(button('Link 13 Reasons Why (2017)'));
    await options.waitFor({ text: 'Linked to TVmaze: 28 episodes' });
    const [list] = await callBackground<Listed[]>(options, 'watchlists/list', {});
    const edited = Date.now();
    await callBackground(options, 'watchlists/update', {
      id: list!.id,
      patch: { characters: ['Clay Jensen'], mode: 'past-progress', progress: { season: 2, episode: 5 }, exceptions: ['Clay Aiken'] },
    });
    await expect
      .poll(async () => (await callBackground<{ lastSyncedAt: number | null }>(options, 'sync/status', {})).lastSyncedAt ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(edited);
    const items = await options.evaluate(() => (globalThis as unknown as WithSync).chrome.storage.sync.get(null));

    // The second computer (kept off the network) receives the first one's storage.sync.
    second = await launchBrowser('chromium', { offline: true });
    const page = await second.openExtensionPage('options.html');
    await routeTvmaze(page, () => ({ status: 200, body: fixture('shows-22036-episodes.json') }));
    await page.evaluate((seed) => (globalThis as unknown as WithSync).chrome.storage.sync.set(seed), items);
    await expect
      .poll(async () => (await callBackground<Listed[]>(page, 'watchlists/list', {}))[0], { timeout: 15_000 })
      .toMatchObject({ id: list!.id, progress: { season: 2, episode: 5 }, mode: 'past-progress', exceptions: ['Clay Aiken'], link: { tvmazeId: 22036 } });
    // Its own copy of the episode list, fetched by its background.
    await expect
      .poll(async () => (await callBackground<Listed[]>(page, 'watchlists/list', {}))[0]!.link!.episodes.length, { timeout: 15_000 })
      .toBe(28);

    const tab = await openScanned(second, `${server.origin}/tv.html`);
    // Watched up to S2E5 here too: the recap reads, the preview of S2E6 is hidden.
    await expect.poll(() => stateOf(tab, 'preview')).toBe('hidden');
    expect(await stateOf(tab, 'recap')).toBeNull();
  });

  it('shows a rate-limited answer as a clear message, and links nothing', async () => {
    browser = await launchBrowser('chromium');
    const options = await browser.openExtensionPage('options.html');
    await routeTvmaze(options, () => ({ status: 429, body: '{"name":"Too Many Requests","status":429}' }));
    await createShow(options);
    await options.click(button('Find the episode list'));
    await options.click(button('Link 13 Reasons Why (2017)'));
    await options.waitFor({ text: 'TVmaze is getting too many requests right now. Wait a minute and try again.' });
    const [list] = await callBackground<{ link: unknown }[]>(options, 'watchlists/list', {});
    expect(list!.link).toBeNull();
  });
});
