/**
 * Pages that try to switch the content script off, rewrite themselves, are editors,
 * lay out tables and lists, churn web components; and an extension reloaded under an
 * open tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callBackground, launchBrowser, openScanned, selectedBrowsers, type DriverPage, type ExtensionBrowser } from '../support/browsers';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>body{font:16px/1.4 sans-serif;margin:1em}</style></head><body>${body}</body></html>`;

beforeAll(async () => {
  server = await startServer();
  server.html('/plain.html', page('<main><p id="a">Jonas Kahnwald meets himself in the cave.</p><p id="ok">The weather is fine.</p></main>'));
  server.html('/editor.html', page('<iframe id="ed" src="/editor-frame.html"></iframe><iframe id="blank"></iframe>'));
  server.html('/editor-frame.html', page('<p id="typed">Jonas Kahnwald, typed by the user.</p>'));
  server.html(
    '/layout.html',
    page(`<table id="t" border="1"><tr><td>one</td><td id="c">Jonas Kahnwald</td><td>three</td></tr><tr><td>four</td><td>five</td><td>six</td></tr></table>
      <ul id="u"><li>one</li><li id="li">Jonas Kahnwald</li><li>three</li></ul>
      <ol><li>Jonas Kahnwald first</li></ol>
      <dl><dt>term</dt><dd id="dd">Jonas Kahnwald</dd></dl>
      <select><option>Jonas Kahnwald</option></select>
      <div id="g" style="display:grid;grid-template-columns:1fr 1fr"><div>a</div><div id="gi">Jonas Kahnwald</div><div>c</div></div>
      <div style="display:flex;gap:10px"><span>a</span><span id="fi">Jonas Kahnwald</span><span>c</span></div>
      <p>A picture: <a href="/x"><img id="img" alt="Jonas Kahnwald" width="20" height="20"></a> and text.</p>
      <style>.body > p{padding:20px 0} .body > p:first-child{padding-top:0} .body > p:last-child{padding-bottom:0}</style>
      <div class="post"><div class="body"><p>Jonas Kahnwald, first in the post</p><p>two</p></div></div>
      <div class="post"><div class="body"><p>Only Jonas Kahnwald</p></div></div>
      <div class="vars"><div id="banner" style="position:fixed;top:0;right:0;width:200px">A banner on Jonas Kahnwald</div></div>
      <div class="vars"></div><div class="vars"></div>`),
  );
});
afterAll(async () => server?.close());

/** Positions of every cell, item and child that layout places, and the page height. */
const layout = (p: DriverPage) =>
  p.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    boxes: [...document.querySelectorAll('td, li, dt, dd, #g > *, #fi, #img, p, #banner')]
      .filter((el) => el.tagName !== 'PLOT-ARMOR-REVEAL')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName}:${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
      }),
  }));

describe.each(selectedBrowsers())('in %s', (name) => {
  let browser: ExtensionBrowser;
  let extensionPage: DriverPage;

  beforeAll(async () => {
    browser = await launchBrowser(name);
    extensionPage = await browser.openExtensionPage('options.html');
    await callBackground(extensionPage, 'watchlists/create', { title: 'Dark', characters: ['Jonas Kahnwald'] });
  });
  afterAll(async () => browser?.close());

  it("cannot be switched off by a page forging the framework's 'started' event", async () => {
    const p = await openScanned(browser, `${server.origin}/plain.html`);
    const id = name === 'chromium' ? new URL(browser.extensionOrigin).host : 'plot-armor@plot-armor.dev';
    await p.evaluate((runtimeId) => {
      for (const type of [`${runtimeId}:content:wxt:content-script-started`, 'plot-armor-takeover']) {
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
      }
    }, id);
    await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await p.evaluate(() => {
      const late = document.createElement('p');
      late.id = 'late';
      late.textContent = 'Jonas Kahnwald, later.';
      document.querySelector('main')!.append(late);
    });
    await p.waitForFunction(() => document.getElementById('late')?.getAttribute('data-plot-armor') === 'hidden', undefined, 5000);
    await p.click('#a');
    expect(await p.attribute('#a', 'data-plot-armor')).toBe('revealed');
    await p.close();
  });

  it('keeps working after the page rewrites itself with document.open(): clicks, late shadow roots, its style element', async () => {
    const p = await openScanned(browser, `${server.origin}/plain.html`);
    await p.evaluate(() => {
      document.open();
      document.write(
        '<!doctype html><html><head><title>again</title></head><body><main><p id="w">Jonas Kahnwald, rewritten.</p>' +
          '<div id="post"><blockquote>quoted</blockquote>Jonas Kahnwald in loose words.<hr></div><div id="host"></div></main></body></html>',
      );
      document.close();
    });
    await p.waitForFunction(() => document.getElementById('w')?.getAttribute('data-plot-armor') === 'hidden', undefined, 5000);
    await p.evaluate(() => {
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p id="s">Jonas Kahnwald, in a late shadow root.</p>';
    });
    await p.waitForFunction(
      () => document.getElementById('host')!.shadowRoot!.getElementById('s')!.getAttribute('data-plot-armor') === 'hidden',
      undefined,
      5000,
    );
    const styles = await p.evaluate(() =>
      [...document.querySelectorAll('style[data-plot-armor-ui]')].map((s) => s.isConnected && s.textContent!.includes('::highlight(plot-armor-hidden)')),
    );
    expect(styles).toEqual([true]);
    await p.click('#w');
    expect(await p.attribute('#w', 'data-plot-armor')).toBe('revealed');
    await p.close();
  });

  it('writes nothing into a document the page made an editor (designMode), and takes back what it wrote before', async () => {
    const p = await openScanned(browser, `${server.origin}/editor.html`);
    const frameState = (id: string) =>
      p.evaluate((frameId) => {
        const doc = (document.getElementById(frameId) as HTMLIFrameElement).contentDocument!;
        return {
          attributes: [...doc.querySelectorAll('[data-plot-armor], [aria-hidden], [title], [tabindex]')].length,
          own: doc.querySelectorAll('plot-armor-reveal, [data-plot-armor-ui]').length,
        };
      }, id);
    await p.waitForFunction(() => {
      const doc = (document.getElementById('ed') as HTMLIFrameElement).contentDocument;
      return doc?.getElementById('typed')?.getAttribute('data-plot-armor') === 'hidden';
    }, undefined, 5000);
    await p.evaluate(() => {
      for (const id of ['ed', 'blank']) {
        const doc = (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
        doc.designMode = 'on';
        // What typing does: text goes into the editor's document.
        const typed = doc.createElement('p');
        typed.textContent = 'And Jonas Kahnwald again.';
        doc.body.append(typed);
      }
    });
    await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await frameState('ed')).toEqual({ attributes: 0, own: 0 });
    expect(await frameState('blank')).toEqual({ attributes: 0, own: 0 });
    await p.close();
  });

  it('puts reveal controls only where they are valid, and changes no layout: tables, lists, grids, links, first children, fixed boxes', async () => {
    const p = await openScanned(browser, `${server.origin}/layout.html`);
    const hidden = await layout(p);
    const parents = await p.evaluate(() => [...document.querySelectorAll('plot-armor-reveal')].map((c) => c.parentElement!.tagName));
    expect(parents.length).toBeGreaterThanOrEqual(5);
    expect(parents.filter((tag) => /^(TABLE|TBODY|TR|UL|OL|DL|SELECT|A|BUTTON)$/.test(tag))).toEqual([]);
    // Revealed blocks have no control: the page's own layout.
    await p.evaluate(() => {
      for (const el of document.querySelectorAll('[data-plot-armor="hidden"]')) (el as HTMLElement).click();
    });
    expect(await p.count('[data-plot-armor="hidden"]')).toBe(0);
    expect(await layout(p)).toEqual(hidden);
    await p.close();
  });

  // Chromium only: the browser's DOM node counter and garbage collection through CDP.
  it.runIf(name === 'chromium')('holds no removed web component: DOM nodes stay flat after creating and removing thousands', async () => {
    const p = await openScanned(browser, `${server.origin}/plain.html`);
    const cdp = await p.playwright!.context().newCDPSession(p.playwright!);
    const nodes = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Memory.getDOMCounters')) as { nodes: number }).nodes;
    };
    const churn = () =>
      p.evaluate(async () => {
        for (let batch = 0; batch < 20; batch++) {
          const cards: HTMLElement[] = [];
          for (let i = 0; i < 100; i++) {
            const card = document.createElement('div');
            card.attachShadow({ mode: 'open' }).innerHTML = `<p>Jonas Kahnwald, card ${i}.</p><p>Other text.</p>`;
            document.body.append(card);
            cards.push(card);
          }
          await new Promise((resolve) => setTimeout(resolve, 0));
          for (const card of cards) card.remove();
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      });
    await churn();
    const after1 = await nodes();
    await churn();
    const after2 = await nodes();
    // 2,000 cards of ~10 nodes each (with their controls) per churn: none may stay held.
    expect(after2 - after1).toBeLessThan(500);
    await p.close();
  });

  it('after the extension is reloaded under an open tab, the page is hidden once, correctly, and reveal works', async () => {
    const p = await openScanned(browser, `${server.origin}/plain.html`);
    expect(await p.count('[data-plot-armor="hidden"]')).toBe(1);
    await extensionPage
      .evaluate(() => {
        const g = globalThis as unknown as { browser?: { runtime: { reload(): void } }; chrome: { runtime: { reload(): void } } };
        (g.browser ?? g.chrome).runtime.reload();
      })
      .catch(() => {});
    await p.evaluate(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    const seen = await p.evaluate(() => ({
      hidden: document.querySelectorAll('[data-plot-armor="hidden"]').length,
      controls: document.querySelectorAll('plot-armor-reveal').length,
      styles: document.querySelectorAll('style[data-plot-armor-ui]').length,
      ariaHidden: document.getElementById('a')!.getAttribute('aria-hidden'),
    }));
    expect(seen).toEqual({ hidden: 1, controls: 1, styles: 1, ariaHidden: 'true' });
    await p.click('#a');
    expect(await p.attribute('#a', 'data-plot-armor')).toBe('revealed');
    expect(await p.attribute('#a', 'aria-hidden')).toBeNull();
    expect(await p.count('plot-armor-reveal')).toBe(0);
    await p.close();
  });
});
