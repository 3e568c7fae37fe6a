import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, DEMO_WATCHLISTS } from '../support/article-page';
import {
  importThroughOptions,
  launchBrowser,
  openScanned,
  selectedBrowsers,
  type DriverPage,
  type ExtensionBrowser,
} from '../support/browsers';
import { startServer, type TestServer } from '../support/server';

const HIDDEN = ['headline', 'p1', 'p3', 'p4', 'p5', 'p6'];
const READABLE = ['p2', 'p7'];

let server: TestServer;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await startServer();
  server.html('/article.html', articleHtml());
});
afterAll(async () => server.close());
afterEach(async () => {
  await browser?.close();
  browser = null;
});

const stateOf = (page: DriverPage, id: string) => page.attribute(`#${id}`, 'data-plot-armor');
const filterOf = (page: DriverPage, id: string) =>
  page.evaluate((i) => getComputedStyle(document.getElementById(i)!).filter, id);
const openArticle = (b: ExtensionBrowser) => openScanned(b, `${server.origin}/article.html`);

describe.each(selectedBrowsers())('the 13 Reasons Why article, in %s', (name) => {
  it('hides exactly the paragraphs that name the show, its characters or its cast', async () => {
    browser = await launchBrowser(name);
    const options = await importThroughOptions(browser, DEMO_WATCHLISTS);
    expect(await options.text('[role="status"]')).toContain('Imported');
    await expect.poll(() => options.texts('.watchlist')).toEqual([expect.stringContaining('13 Reasons Why')]);

    const page = await openArticle(browser);
    for (const id of HIDDEN) expect.soft(await stateOf(page, id), id).toBe('hidden');
    for (const id of READABLE) expect.soft(await stateOf(page, id), id).toBeNull();
    // The blur is real CSS, not just an attribute.
    expect(await filterOf(page, 'p4')).toMatch(/blur\(/);
    expect(await filterOf(page, 'p2')).toBe('none');
  });

  it('reveals a paragraph on click, and only that one', async () => {
    browser = await launchBrowser(name);
    await importThroughOptions(browser, DEMO_WATCHLISTS);
    const page = await openArticle(browser);
    await page.click('#p4');
    expect(await stateOf(page, 'p4')).toBe('revealed');
    expect(await filterOf(page, 'p4')).toBe('none');
    expect(await stateOf(page, 'p3')).toBe('hidden');
  });

  it('rejects a broken file with a clear message and keeps what was stored', async () => {
    browser = await launchBrowser(name);
    await importThroughOptions(browser, DEMO_WATCHLISTS);
    const broken = join(mkdtempSync(join(tmpdir(), 'plot-armor-')), 'broken.json');
    writeFileSync(broken, '{ "format": "plot-armor", "version": 1, "watchlists": [ { "title": ');
    const options = await importThroughOptions(browser, broken);
    expect(await options.text('[role="alert"]')).toContain('not valid JSON');
    const page = await openArticle(browser);
    for (const id of HIDDEN) expect.soft(await stateOf(page, id), id).toBe('hidden');
  });

  // Firefox forgets a temporary add-on when it quits, so the Firefox driver installs the
  // same build again on the reused profile: same add-on id, same uuid (pinned), so the
  // same storage origin, which is what a permanently installed add-on has after a restart.
  it('keeps the watchlists across a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'plot-armor-profile-'));
    browser = await launchBrowser(name, { profileDir: profile });
    await importThroughOptions(browser, DEMO_WATCHLISTS);
    await browser.close({ keepProfile: true });
    browser = await launchBrowser(name, { profileDir: profile });
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.texts('.watchlist')).toEqual([expect.stringContaining('13 Reasons Why')]);
    const page = await openArticle(browser);
    expect(await stateOf(page, 'p4')).toBe('hidden');
    expect(await stateOf(page, 'p2')).toBeNull();
  });
});
