import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TAKEOVER_EVENT } from '../../../lib/content/ready';
import { startPlotArmor, type Notify, type StorageArea } from '../../../lib/content/start';
import { PAUSED_KEY, SETTINGS_KEY, SNAPSHOT_KEY } from '../../../lib/shared/page-state';
import { createScanner } from '../../../lib/scan/scanner';
import { buildSnapshot } from '../../../lib/shared/snapshot';
import { fakeWatchlist } from '../../unit/factories';
import { installFakeHighlights } from '../scan/fake-highlights';
import { fakeMatcher } from '../scan/fake-matcher';
import { englishWords, messagesOf } from '../../support/catalogue';

const english = messagesOf('en');

const PAGE =
  '<p id="a" title="page title">Clay Jensen listens <a id="l" href="/x" tabindex="3">more</a> <a id="m" href="/y">and</a></p>' +
  '<p id="b" aria-hidden="false">Clay Jensen again</p><p id="c">weather</p>' +
  '<div class="post"><blockquote>quote</blockquote>Clay Jensen in loose text</div>';

const storage = (): StorageArea => {
  const snapshot = buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now());
  const items = { [SNAPSHOT_KEY]: snapshot, [PAUSED_KEY]: [], [SETTINGS_KEY]: { blurStrength: 'strong' } };
  return { get: async () => items, onChanged: { addListener() {}, removeListener() {} } };
};
const notify: Notify = vi.fn(async () => null);

/** Everything the extension can have written into the page, as a string to compare. */
const written = () =>
  JSON.stringify({
    attributes: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('data-plot-armor') && a.name !== 'data-plot-armor-ready').map((a) => `${el.id}:${a.name}`),
    ),
    own: document.querySelectorAll('[data-plot-armor-ui]').length,
  });
const pageAttributes = () =>
  ['#a', '#l', '#m', '#b'].map((s) => {
    const el = document.querySelector(s)!;
    return [el.getAttribute('title'), el.getAttribute('aria-hidden'), el.getAttribute('tabindex')];
  });

let highlights: ReturnType<typeof installFakeHighlights>;
let before: ReturnType<typeof pageAttributes>;
const controllers: AbortController[] = [];
const controller = () => {
  const c = new AbortController();
  controllers.push(c);
  return c;
};
beforeEach(() => {
  highlights = installFakeHighlights();
  document.body.innerHTML = PAGE;
  before = pageAttributes();
});
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  highlights.uninstall();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  document.documentElement.removeAttribute('data-plot-armor-ready');
});

describe('a scanner that stops', () => {
  it('takes back everything it wrote: attributes, controls, hidden text, and the page gets its own values back', () => {
    const c = controller();
    const scanner = createScanner({ words: englishWords, doc: document, signal: c.signal });
    scanner.setMatcher(fakeMatcher({ Show: ['Clay Jensen'] }));
    scanner.reveal(document.querySelector('#b')!);
    expect(document.querySelectorAll('plot-armor-reveal').length).toBeGreaterThan(0);
    expect(highlights.texts()).toEqual(['Clay Jensen in loose text']);
    c.abort();
    expect(written()).toBe(JSON.stringify({ attributes: [], own: 0 }));
    expect(pageAttributes()).toEqual(before);
    expect(highlights.texts()).toEqual([]);
    expect(CSS.highlights.has('plot-armor-hidden')).toBe(false);
  });
});

describe('the content script start and stop', () => {
  it('removes its style element too when stopped', async () => {
    const c = controller();
    await startPlotArmor({ getMessage: english, doc: document, signal: c.signal, storage: storage(), notify, host: 'example.com' });
    expect(document.querySelectorAll('style[data-plot-armor-ui]')).toHaveLength(1);
    c.abort();
    expect(written()).toBe(JSON.stringify({ attributes: [], own: 0 }));
    expect(pageAttributes()).toEqual(before);
  });

  it('cannot be stopped by the page: a forged takeover event or WXT\'s "started" event change nothing', async () => {
    await startPlotArmor({ getMessage: english, doc: document, signal: controller().signal, storage: storage(), notify, host: 'example.com', alive: () => true });
    document.dispatchEvent(new Event(TAKEOVER_EVENT));
    document.dispatchEvent(new CustomEvent('plot-armor@plot-armor.dev:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'x' } }));
    window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'x' }, '*');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const late = document.createElement('p');
    late.textContent = 'Clay Jensen, later';
    document.body.append(late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late.getAttribute('data-plot-armor')).toBe('hidden');
    expect(document.querySelector('#a')!.getAttribute('data-plot-armor')).toBe('hidden');
  });

  it('stops and undoes its work when its extension is gone and a newer instance takes over; the newer one hides once, with the page\'s own values', async () => {
    let extensionThere = true;
    await startPlotArmor({ getMessage: english, doc: document, signal: controller().signal, storage: storage(), notify, host: 'example.com', alive: () => extensionThere });
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(3);
    extensionThere = false; // the extension was reloaded: this instance is orphaned
    const c = controller();
    const scanner = (await startPlotArmor({ getMessage: english, doc: document, signal: c.signal, storage: storage(), notify, host: 'example.com', alive: () => true }))!;
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(3);
    expect(document.querySelectorAll('style[data-plot-armor-ui]')).toHaveLength(1);
    expect(highlights.texts()).toEqual(['Clay Jensen in loose text']);
    const a = document.querySelector('#a')!;
    expect(scanner.reveal(a)).toBe(true);
    expect([a.getAttribute('aria-hidden'), document.querySelector('#l')!.getAttribute('tabindex'), document.querySelector('#m')!.getAttribute('tabindex')]).toEqual([null, '3', null]);
    c.abort();
    expect(written()).toBe(JSON.stringify({ attributes: [], own: 0 }));
    expect(pageAttributes()).toEqual(before);
  });

  it('keeps the page hidden, and reveal working, while its extension is gone and no newer instance came', async () => {
    let extensionThere = true;
    const failing: Notify = vi.fn(() => {
      if (!extensionThere) throw new Error('Extension context invalidated.');
      return Promise.resolve(null);
    });
    const scanner = (await startPlotArmor({ getMessage: english, doc: document, signal: controller().signal, storage: storage(), notify: failing, host: 'example.com', alive: () => extensionThere }))!;
    extensionThere = false;
    document.querySelector('#c')!.textContent = 'Clay Jensen, now';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelectorAll('[data-plot-armor="hidden"]')).toHaveLength(3);
    expect(scanner.reveal(document.querySelector('#a')!)).toBe(true);
    // #b, #c and the loose text keep theirs.
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(3);
  });

  it('takes over what an instance that could not undo it left behind (no second control, no leftover attribute read as the page\'s)', async () => {
    // What an instance ended without running again (Firefox) leaves in the page.
    document.body.innerHTML =
      '<plot-armor-reveal data-plot-armor-ui=""></plot-armor-reveal><p id="a" data-plot-armor="hidden" data-plot-armor-for="13 Reasons Why" aria-hidden="true" title="Possible spoiler — click to reveal">Clay Jensen listens <a id="l" href="/x" tabindex="-1">more</a></p>';
    document.head.innerHTML = '<style data-plot-armor-ui="">[data-plot-armor]{}</style>';
    const c = controller();
    const scanner = (await startPlotArmor({ getMessage: english, doc: document, signal: c.signal, storage: storage(), notify, host: 'example.com', alive: () => true }))!;
    const a = document.querySelector('#a')!;
    expect(document.querySelectorAll('plot-armor-reveal')).toHaveLength(1);
    expect(document.querySelectorAll('style[data-plot-armor-ui]')).toHaveLength(1);
    expect(a.hasAttribute('data-plot-armor-for')).toBe(false);
    scanner.reveal(a);
    expect([a.getAttribute('aria-hidden'), a.getAttribute('data-plot-armor')]).toEqual([null, 'revealed']);
    expect(document.querySelector('#l')!.hasAttribute('tabindex')).toBe(false);
    c.abort();
    expect([a.getAttribute('aria-hidden'), a.getAttribute('title')]).toEqual([null, null]);
  });
});

describe('a page that replaces its root element', () => {
  it('gets the style element back, and clicks still reveal', async () => {
    const c = controller();
    const oldRoot = document.documentElement;
    await startPlotArmor({ getMessage: english, doc: document, signal: c.signal, storage: storage(), notify, host: 'example.com' });
    const root = document.createElement('html');
    root.innerHTML = '<head></head><body><p id="n">Clay Jensen, on the new page</p></body>';
    document.replaceChild(root, oldRoot);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelectorAll('style[data-plot-armor-ui]')).toHaveLength(1);
    const n = document.querySelector('#n')!;
    expect(n.getAttribute('data-plot-armor')).toBe('hidden');
    n.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(n.getAttribute('data-plot-armor')).toBe('revealed');
    c.abort();
    document.replaceChild(oldRoot, root);
  });
});
