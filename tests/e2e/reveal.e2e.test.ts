import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startServer, type TestServer } from '../support/server';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
let browser: ExtensionBrowser;
let extensionPage: Page;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recaps</title>
<style>body { font: 18px/1.5 sans-serif; max-width: 40em; margin: 2em auto; }</style></head><body><main>
  <h1>Weekly recaps</h1>
  <p id="safe">Nothing to see in this first paragraph, which only talks about the weather.</p>
  <p id="linked"><a id="spoiler-link" href="/elsewhere.html">Jonas Kahnwald meets himself</a> in the cave.</p>
  <p id="plain">Martha Nielsen opens the door to the other world and everything changes.</p>
  <p id="control">Martha Nielsen waits by the door; the same length as the other one, more or less.</p>
  <button id="btn" onclick="document.title = 'pressed'">A button about Jonas Kahnwald</button>
</main></body></html>`;

const stateOf = (p: Page, selector: string) => p.locator(selector).first().getAttribute('data-plot-armor');

async function open(): Promise<Page> {
  const p = await browser.context.newPage();
  await p.goto(`${server.origin}/recaps.html`);
  await p.waitForFunction(() => document.documentElement.hasAttribute('data-plot-armor-ready'));
  return p;
}

/** The id of the tab showing `url`, as the popup would find it. */
async function tabIdOf(url: string): Promise<number> {
  return extensionPage.evaluate(async (u) => {
    const tabs = await (globalThis as any).chrome.tabs.query({ url: u });
    return tabs[0].id as number;
  }, url);
}

beforeAll(async () => {
  server = await startServer();
  server.html('/recaps.html', PAGE);
  server.html('/elsewhere.html', '<!doctype html><title>elsewhere</title><p>You followed the link.</p>');
  browser = await launchWithExtension();
  extensionPage = await browser.openExtensionPage('options.html');
  await callBackground(extensionPage, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald', 'Martha Nielsen'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('revealing', () => {
  it('reveals on click without following a hidden link or pressing a hidden button', async () => {
    const p = await open();
    await p.locator('#spoiler-link').click();
    expect(await stateOf(p, '#linked')).toBe('revealed');
    expect(p.url()).toContain('/recaps.html');
    await p.locator('#btn').click();
    expect(await stateOf(p, '#btn')).toBe('revealed');
    expect(await p.title()).toBe('Recaps');
    expect(await stateOf(p, '#plain')).toBe('hidden');
    await p.close();
  });

  it("reaches each hidden block's reveal control with Tab, shows it with a focus ring, and reveals with Enter or Space", async () => {
    const p = await open();
    const focused = () =>
      p.evaluate(() => {
        const el = document.activeElement;
        const block = el?.nextElementSibling;
        const button = el?.shadowRoot?.activeElement;
        return {
          tag: el?.tagName,
          block: block?.id,
          visible: el ? el.getBoundingClientRect().width > 1 : false,
          outline: button ? getComputedStyle(button).outlineStyle : null,
        };
      });
    await p.keyboard.press('Tab');
    expect(await focused()).toEqual({ tag: 'PLOT-ARMOR-REVEAL', block: 'linked', visible: true, outline: 'solid' });
    await p.keyboard.press('Enter');
    expect(await stateOf(p, '#linked')).toBe('revealed');
    expect(p.url()).toContain('/recaps.html');
    // The revealed paragraph's link is back in the tab order, then the next control.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('spoiler-link');
    await p.keyboard.press('Tab');
    expect((await focused()).block).toBe('plain');
    await p.keyboard.press(' ');
    expect(await stateOf(p, '#plain')).toBe('revealed');
    await p.close();
  });

  it('names the show, never the term, and keeps spoiler text away from screen readers', async () => {
    const p = await open();
    const controls = p.getByRole('button', { name: 'Possible spoiler for Dark — reveal' });
    expect(await controls.count()).toBe(4);
    const tree = await p.locator('main').ariaSnapshot();
    expect(tree).not.toMatch(/Jonas|Martha|Kahnwald|Nielsen/);
    expect(tree).toContain('Nothing to see');
    // The browser's own accessibility tree, as screen readers get it.
    const cdp = await p.context().newCDPSession(p);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const exposed = (nodes as { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } }[])
      .filter((n) => !n.ignored)
      .map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
    expect(exposed.filter(({ name }) => /Jonas|Martha|Kahnwald|Nielsen/.test(name))).toEqual([]);
    const buttons = exposed.filter(({ role }) => role === 'button').map(({ name }) => name);
    expect(buttons).toEqual(Array(4).fill('Possible spoiler for Dark — reveal'));
    expect(await p.locator('#plain').getAttribute('title')).toBe('Possible spoiler for Dark — reveal');

    await p.addScriptTag({ content: AXE_SOURCE });
    const violations = await p.evaluate(async () => {
      const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return (result.violations as { id: string; impact: string }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await p.close();
  });

  it('hides a revealed block again with Alt+click, and reveals one block at a time', async () => {
    const p = await open();
    await p.locator('#plain').click();
    expect(await stateOf(p, '#plain')).toBe('revealed');
    expect(await stateOf(p, '#control')).toBe('hidden');
    await p.locator('#plain').click({ modifiers: ['Alt'] });
    expect(await stateOf(p, '#plain')).toBe('hidden');
    await p.close();
  });

  it('reveal all from the extension, and a badge count that matches the page', async () => {
    const p = await open();
    const url = `${server.origin}/recaps.html`;
    const tabId = await tabIdOf(url);
    expect(await p.locator('[data-plot-armor="hidden"]').count()).toBe(4);
    await expect
      .poll(() => extensionPage.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('4');
    expect(await callBackground(extensionPage, 'tab/count', { tabId })).toBe(4);
    const revealed = await extensionPage.evaluate(
      (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'tab/reveal-all', data: {} }),
      tabId,
    );
    expect(revealed).toEqual({ ok: true, data: 4 });
    expect(await p.locator('[data-plot-armor="revealed"]').count()).toBe(4);
    await expect
      .poll(() => extensionPage.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('');
    await p.close();
  });
});

describe('the blur', () => {
  /** The strongest horizontal contrast step between neighbouring pixels of a screenshot: sharp text has steps near 255. */
  async function sharpness(p: Page, selector: string): Promise<number> {
    const png = await p.locator(selector).screenshot();
    return p.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
      let max = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 1; x < width; x++) {
          const i = (y * width + x) * 4;
          const a = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
          const b = (data[i - 4]! + data[i - 3]! + data[i - 2]!) / 3;
          max = Math.max(max, Math.abs(a - b));
        }
      }
      return max;
    }, png.toString('base64'));
  }

  it('leaves no sharp edge in hidden text with the strong default, where readable text has many', async () => {
    const p = await open();
    const readable = await sharpness(p, '#safe');
    const blurred = await sharpness(p, '#plain');
    expect(readable).toBeGreaterThan(150);
    expect(blurred).toBeLessThan(40);
    await p.close();
  });
});
