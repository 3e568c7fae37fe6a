/**
 * Items in a real browser: a timeline whose posts arrive by infinite scroll and are
 * rendered again by a script after the user revealed one, the tab's title, and a
 * thumbnail drawn as a CSS background picture blurred on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callBackground,
  launchBrowser,
  openScanned,
  selectedBrowsers,
  type DriverPage,
  type ExtensionBrowser,
} from '../support/browsers';
import { sharpness, tabIdOf } from '../support/page-pixels';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;

/** Black and white stripes one pixel wide: as sharp as a picture gets. */
const STRIPES = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><defs><pattern id="s" width="2" height="2" patternUnits="userSpaceOnUse"><rect width="1" height="2" fill="#000"/><rect x="1" width="1" height="2" fill="#fff"/></pattern></defs><rect width="40" height="40" fill="url(#s)"/></svg>`;

const TIMELINE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timeline</title>
<style>
  body { font: 16px/1.4 sans-serif; margin: 1em; }
  .post { border-bottom: 1px solid #ccc; padding: 8px; }
  .thumb { width: 160px; height: 90px; background-image: url(/stripes.svg); }
</style></head><body>
<div id="feed" role="feed"></div>
<script>
  const posts = [
    ['p0', 'Morning coffee and a long walk.'],
    ['p1', 'Jonas Kahnwald walks into the cave again.'],
    ['p2', 'The bakery on the corner reopened.'],
    ['p3', 'Martha Nielsen and the other world, explained.'],
  ];
  let shown = 0;
  const render = ([id, text]) =>
    '<div class="post" id="' + id + '"><div class="thumb" id="' + id + '-thumb"></div><div class="text">' + text + '</div><span class="time">3:0' + id.slice(1) + '</span></div>';
  // Infinite scroll: two posts now, two more when the reader reaches the end.
  window.more = () => { const next = posts.slice(shown, shown + 2); shown += next.length; document.getElementById('feed').insertAdjacentHTML('beforeend', next.map(render).join('')); };
  // A framework's re-render: every post replaced by a new node with the same text.
  window.rerender = () => { document.getElementById('feed').innerHTML = posts.slice(0, shown).map(render).join(''); };
  window.more();
</script></body></html>`;

const TITLED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jonas Kahnwald returns — News</title></head>
<body><h1>Jonas Kahnwald returns</h1><p>A paragraph about nothing in particular.</p></body></html>`;

beforeAll(async () => {
  server = await startServer();
  server.html('/timeline.html', TIMELINE);
  server.html('/titled.html', TITLED);
  server.route('/stripes.svg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/svg+xml' });
    res.end(STRIPES);
  });
});
afterAll(async () => server?.close());

const stateOf = (p: DriverPage, selector: string) => p.attribute(selector, 'data-plot-armor');

describe.each(selectedBrowsers())('in %s', (name) => {
  let browser: ExtensionBrowser;
  let extensionPage: DriverPage;

  beforeAll(async () => {
    browser = await launchBrowser(name);
    extensionPage = await browser.openExtensionPage('options.html');
    await callBackground(extensionPage, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald', 'Martha Nielsen'] });
  });
  afterAll(async () => browser?.close());

  it('hides a short post whole with its thumbnail, also when it arrives by infinite scroll, and keeps a reveal through a re-render', async () => {
    const p = await openScanned(browser, `${server.origin}/timeline.html`);
    expect(await stateOf(p, '#p1')).toBe('hidden');
    expect(await stateOf(p, '#p0')).toBeNull();
    expect(await p.count('plot-armor-reveal')).toBe(1);
    await p.evaluate(() => (window as unknown as { more(): void }).more());
    await p.waitForFunction(() => document.getElementById('p3')?.getAttribute('data-plot-armor') === 'hidden');
    expect(await stateOf(p, '#p2')).toBeNull();
    await p.click('#p1-thumb');
    expect(await stateOf(p, '#p1')).toBe('revealed');
    await p.evaluate(() => (window as unknown as { rerender(): void }).rerender());
    await p.waitForFunction(() => document.getElementById('p3')?.getAttribute('data-plot-armor') === 'hidden');
    expect(await stateOf(p, '#p1')).toBe('revealed');
    await p.close();
  });

  it('blurs a thumbnail drawn as a CSS background picture on screen until it is revealed', async () => {
    const p = await openScanned(browser, `${server.origin}/timeline.html`);
    await p.waitForFunction(() => {
      const img = new Image();
      img.src = '/stripes.svg';
      return img.complete;
    });
    const hidden = await sharpness(p, '#p1-thumb');
    const readable = await sharpness(p, '#p0-thumb');
    expect(readable).toBeGreaterThan(200);
    expect(hidden).toBeLessThan(readable / 2);
    await p.click('#p1-thumb');
    await expect.poll(() => sharpness(p, '#p1-thumb')).toBeGreaterThan(200);
    await p.close();
  });

  it('gives the tab a neutral title while its own names a term, follows the page, and gives it back on reveal all and pause', async () => {
    const url = `${server.origin}/titled.html`;
    const p = await openScanned(browser, url);
    const neutral = 'Possible spoiler · 127.0.0.1';
    await expect.poll(() => p.title()).toBe(neutral);
    await p.evaluate(() => void (document.title = 'Weather — News'));
    await expect.poll(() => p.title()).toBe('Weather — News');
    await p.evaluate(() => void (document.title = 'Martha Nielsen speaks — News'));
    await expect.poll(() => p.title()).toBe(neutral);
    const tabId = await tabIdOf(extensionPage, url);
    await extensionPage.evaluate((id) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return api.tabs.sendMessage(id, { type: 'tab/reveal-all', data: {} }) as Promise<unknown>;
    }, tabId);
    await expect.poll(() => p.title()).toBe('Martha Nielsen speaks — News');
    await p.reload();
    await expect.poll(() => p.title()).toBe(neutral);
    await callBackground(extensionPage, 'sites/pause', { host: '127.0.0.1' });
    await expect.poll(() => p.title()).toBe('Jonas Kahnwald returns — News');
    await callBackground(extensionPage, 'sites/resume', { host: '127.0.0.1' });
    await p.close();
  });
});
