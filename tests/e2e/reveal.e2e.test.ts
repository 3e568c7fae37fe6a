import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recaps</title>
<style>body { font: 18px/1.5 sans-serif; max-width: 40em; margin: 2em auto; }</style></head><body><main>
  <h1>Weekly recaps</h1>
  <p id="safe">Nothing to see in this first paragraph, which only talks about the weather.</p>
  <p id="linked"><a id="spoiler-link" href="/elsewhere.html">Jonas Kahnwald meets himself</a> in the cave.</p>
  <p id="plain">Martha Nielsen opens the door to the other world and everything changes.</p>
  <p id="control">Martha Nielsen waits by the door; the same length as the other one, more or less.</p>
  <button id="btn" onclick="document.title = 'pressed'">A button about Jonas Kahnwald</button>
</main></body></html>`;

const REVEAL_NAME = 'Possible spoiler for Dark — reveal';
const stateOf = (p: DriverPage, selector: string) => p.attribute(selector, 'data-plot-armor');

/** The toolbar badge of a tab (`action` in MV3, `browserAction` in Firefox's MV2). */
const badgeOf = (extensionPage: DriverPage, tabId: number) =>
  extensionPage.evaluate((id) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return ((api.action ?? api.browserAction).getBadgeText({ tabId: id }) as Promise<string>);
  }, tabId);

beforeAll(async () => {
  server = await startServer();
  server.html('/recaps.html', PAGE);
  // A board post whose own words sit directly in its container, beside a block (the
  // invisible rule stands for a quote, so the screenshot holds only the words).
  server.html(
    '/board.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Board</title>
    <style>body { font: 18px/1.5 sans-serif; margin: 2em; } hr { border: 0; height: 0; margin: 0; }</style></head><body>
    <div class="post"><div class="content" id="content">Yes. Martha Nielsen opens the door, and it is the best part.<hr></div></div>
    <div class="post"><div class="content" id="other">Nothing to hide in this post.<hr></div></div>
    <x-post id="host"></x-post>
    <script>
      customElements.define('x-post', class extends HTMLElement {
        connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<div id="inner">Jonas Kahnwald, in a shadow root.<hr></div>'; }
      });
    </script>
    </body></html>`,
  );
  server.html('/elsewhere.html', '<!doctype html><title>elsewhere</title><p>You followed the link.</p>');
  server.html('/framed.html', '<!doctype html><meta charset="utf-8"><p id="in-frame">Martha Nielsen, in a frame.</p>');
  server.html(
    '/nested.html',
    `<!doctype html><html><head><meta charset="utf-8"></head><body>
      <x-card id="host"></x-card><iframe id="f" src="/framed.html"></iframe>
      <script>
        customElements.define('x-card', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p id="in-shadow">Jonas Kahnwald, in a shadow root.</p>'; }
        });
      </script></body></html>`,
  );
});
afterAll(async () => server?.close());

describe.each(selectedBrowsers())('in %s', (name) => {
  let browser: ExtensionBrowser;
  let extensionPage: DriverPage;
  const open = () => openScanned(browser, `${server.origin}/recaps.html`);

  beforeAll(async () => {
    browser = await launchBrowser(name);
    extensionPage = await browser.openExtensionPage('options.html');
    await callBackground(extensionPage, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald', 'Martha Nielsen'] });
  });
  afterAll(async () => browser?.close());

  describe('revealing', () => {
    it('reveals on click without following a hidden link or pressing a hidden button', async () => {
      const p = await open();
      await p.click('#spoiler-link');
      expect(await stateOf(p, '#linked')).toBe('revealed');
      expect(await p.url()).toContain('/recaps.html');
      await p.click('#btn');
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
          return {
            tag: el?.tagName,
            block: block?.id,
            // Visually hidden (1px) until focused; its button is in a closed shadow root.
            visible: el ? el.getBoundingClientRect().width > 1 : false,
          };
        });
      await p.press('Tab');
      expect(await focused()).toEqual({ tag: 'PLOT-ARMOR-REVEAL', block: 'linked', visible: true });
      await p.press('Enter');
      expect(await stateOf(p, '#linked')).toBe('revealed');
      expect(await p.url()).toContain('/recaps.html');
      // The revealed paragraph's link is back in the tab order, then the next control.
      await p.press('Tab');
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('spoiler-link');
      await p.press('Tab');
      expect((await focused()).block).toBe('plain');
      await p.press(' ');
      expect(await stateOf(p, '#plain')).toBe('revealed');
      await p.close();
    });

    it('keeps the show out of the page\'s reach, and passes axe-core', async () => {
      const p = await open();
      // One control per hidden block; its button (named for the show) is in a closed
      // shadow root, and nothing the page can read names the show.
      const seen = await p.evaluate(() => ({
        controls: [...document.querySelectorAll('plot-armor-reveal')].map((host) => host.shadowRoot),
        attributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).filter((v) => v.includes('Dark')),
      }));
      expect(seen).toEqual({ controls: Array(4).fill(null), attributes: [] });
      // A block with no title of its own gets none (a page's `[title]` styles must not change).
      expect(await p.attribute('#plain', 'title')).toBeNull();

      await p.addScript(AXE_SOURCE);
      const violations = await p.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return (result.violations as { id: string; impact: string }[])
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await p.close();
    });

    // Chromium only: the accessibility tree as screen readers get it is read through CDP
    // (Accessibility.getFullAXTree) and Playwright's ARIA snapshot; WebDriver BiDi has no
    // command that returns Firefox's tree (and its accessibility locator stays out of shadow roots).
    it.runIf(name === 'chromium')('keeps spoiler text out of the accessibility tree', async () => {
      const p = (await open()).playwright!;
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
      expect(buttons).toEqual(Array(4).fill(REVEAL_NAME));
      await p.close();
    });

    it('reveals inside open shadow roots and frames as on the main page', async () => {
      const p = await openScanned(browser, `${server.origin}/nested.html`);
      await p.waitForFunction(() => {
        const frame = (document.getElementById('f') as HTMLIFrameElement).contentDocument;
        return frame?.getElementById('in-frame')?.getAttribute('data-plot-armor') === 'hidden';
      });
      const states = await p.evaluate(() => {
        const shadowBlock = document.getElementById('host')!.shadowRoot!.getElementById('in-shadow')!;
        const frameDoc = (document.getElementById('f') as HTMLIFrameElement).contentDocument!;
        const frameBlock = frameDoc.getElementById('in-frame')!;
        const before = [shadowBlock.getAttribute('data-plot-armor'), frameBlock.getAttribute('data-plot-armor')];
        // Each has its reveal control right before it; a click on the control reveals.
        (shadowBlock.previousElementSibling as HTMLElement).click();
        frameBlock.click();
        return { before, after: [shadowBlock.getAttribute('data-plot-armor'), frameBlock.getAttribute('data-plot-armor')] };
      });
      expect(states).toEqual({ before: ['hidden', 'hidden'], after: ['revealed', 'revealed'] });
      await p.close();
    });

    it('hides a revealed block again with Alt+click, and reveals one block at a time', async () => {
      const p = await open();
      await p.click('#plain');
      expect(await stateOf(p, '#plain')).toBe('revealed');
      expect(await stateOf(p, '#control')).toBe('hidden');
      await p.click('#plain', { modifiers: ['Alt'] });
      expect(await stateOf(p, '#plain')).toBe('hidden');
      await p.close();
    });

    it('reveal all from the extension, and a badge count that matches the page', async () => {
      const p = await open();
      const url = `${server.origin}/recaps.html`;
      const tabId = await tabIdOf(extensionPage, url);
      expect(await p.count('[data-plot-armor="hidden"]')).toBe(4);
      await expect.poll(() => badgeOf(extensionPage, tabId)).toBe('4');
      expect(await callBackground(extensionPage, 'tab/count', { tabId })).toBe(4);
      const revealed = await extensionPage.evaluate((id) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return api.tabs.sendMessage(id, { type: 'tab/reveal-all', data: {} }) as Promise<unknown>;
      }, tabId);
      expect(revealed).toEqual({ ok: true, data: 4 });
      expect(await p.count('[data-plot-armor="revealed"]')).toBe(4);
      await expect.poll(() => badgeOf(extensionPage, tabId)).toBe('');
      await p.close();
    });
  });

  describe('text with no element of its own beside other blocks', () => {
    const openBoard = () => openScanned(browser, `${server.origin}/board.html`);
    /**
     * What the page sees: the hidden text's highlight, the container's attribute, the
     * control before the post (the words come first in it: a control never stands first).
     */
    const board = (p: DriverPage) =>
      p.evaluate(() => {
        const highlight = CSS.highlights.get('plot-armor-hidden');
        const control = document.getElementById('content')!.parentElement!.previousElementSibling;
        return {
          highlighted: highlight ? [...highlight].map((range) => (range as Range).toString().trim()).sort() : [],
          container: document.getElementById('content')!.getAttribute('data-plot-armor'),
          control: control?.tagName === 'PLOT-ARMOR-REVEAL' && control.shadowRoot === null,
        };
      });
    /**
     * The middle of the hidden words, in viewport pixels: those of the post (`content`)
     * or of the web component's shadow root (`inner`). The words sit before the rule.
     */
    const middleOfWords = (p: DriverPage, container: 'content' | 'inner') =>
      p.evaluate((id) => {
        const root = id === 'inner' ? document.getElementById('host')!.shadowRoot! : document;
        const range = document.createRange();
        range.selectNodeContents(root.getElementById(id)!.lastChild!.previousSibling!);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, container);
    const HIDDEN = {
      highlighted: ['Jonas Kahnwald, in a shadow root.', 'Yes. Martha Nielsen opens the door, and it is the best part.'],
      container: null,
      control: true,
    };

    it('hides the words themselves, blurred, never the container, and reveals them on click', async () => {
      const p = await openBoard();
      expect(await board(p)).toEqual(HIDDEN);
      expect(await sharpness(p, '#content')).toBeLessThan(40);
      expect(await sharpness(p, '#other')).toBeGreaterThan(150);
      const { x, y } = await middleOfWords(p, 'content');
      await p.clickAt(x, y);
      expect(await board(p)).toEqual({ highlighted: [HIDDEN.highlighted[0]], container: null, control: false });
      expect(await sharpness(p, '#content')).toBeGreaterThan(150);
      await p.clickAt(x, y, { modifiers: ['Alt'] });
      expect(await board(p)).toEqual(HIDDEN);
      // The same inside a shadow root.
      const inShadow = await middleOfWords(p, 'inner');
      await p.clickAt(inShadow.x, inShadow.y);
      expect((await board(p)).highlighted).toEqual([HIDDEN.highlighted[1]]);
      await p.close();
    });

    it('reveals them from their control with the keyboard', async () => {
      const p = await openBoard();
      await p.press('Tab');
      expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('PLOT-ARMOR-REVEAL');
      await p.press('Enter');
      expect((await board(p)).highlighted).toEqual([HIDDEN.highlighted[0]]);
      await p.close();
    });
  });

  describe('the blur', () => {
    it('leaves no sharp edge in hidden text with the strong default, where readable text has many', async () => {
      const p = await open();
      const readable = await sharpness(p, '#safe');
      const blurred = await sharpness(p, '#plain');
      expect(readable).toBeGreaterThan(150);
      expect(blurred).toBeLessThan(40);
      await p.close();
    });
  });
});
