import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPlotArmor, type Notify, type StorageArea } from '../../../lib/content/start';
import { compileMatcher } from '../../../lib/match/compile';
import { PAUSED_KEY, SETTINGS_KEY, SNAPSHOT_KEY } from '../../../lib/shared/page-state';
import { buildSnapshot } from '../../../lib/shared/snapshot';
import { fakeWatchlist } from '../../unit/factories';
import { messagesOf } from '../../support/catalogue';

// The real compiler, counted: a frame with nothing to read must never call it.
vi.mock('../../../lib/match/compile', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/match/compile')>();
  return { ...real, compileMatcher: vi.fn(real.compileMatcher) };
});

const snapshot = () => buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now());
const storage = (): StorageArea => ({
  get: async () => ({ [SNAPSHOT_KEY]: snapshot(), [PAUSED_KEY]: [], [SETTINGS_KEY]: { blurStrength: 'light' } }),
  onChanged: { addListener: () => {}, removeListener: () => {} },
});
const notify: Notify = async () => null;
/** Lets queued microtasks run, with no task boundary (where a browser could paint) in between. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
const styleElements = () => document.querySelectorAll('style[data-plot-armor-ui]').length;

let controller = new AbortController();
beforeEach(() => {
  controller = new AbortController();
  vi.mocked(compileMatcher).mockClear();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterEach(() => {
  controller.abort();
  document.documentElement.removeAttribute('data-plot-armor-ready');
});

/** The messages asked of the catalogue: a frame that hides nothing asks none. */
let asked: string[] = [];
const getMessage = (key: string, substitutions?: string[]) => {
  asked.push(key);
  return messagesOf('en')(key, substitutions);
};
const start = () => startPlotArmor({ getMessage, doc: document, signal: controller.signal, storage: storage(), notify, host: 'ads.example.net', top: true });

describe('a frame with nothing to read', () => {
  it('is shown at once and compiles nothing, adds no stylesheet, reads no message', async () => {
    asked = [];
    await start();
    document.body.append(document.createElement('img'), document.createElement('div'), document.createTextNode('\n  '));
    await microtasks();
    expect(document.documentElement.hasAttribute('data-plot-armor-ready')).toBe(true);
    expect(compileMatcher).not.toHaveBeenCalled();
    expect(styleElements()).toBe(0);
    expect(asked).toEqual([]);
  });

  it('hides spoiler text a script writes into it later, in the same microtask checkpoint', async () => {
    await start();
    expect(compileMatcher).not.toHaveBeenCalled();
    const ad = document.createElement('div');
    ad.innerHTML = '<p id="a">Clay Jensen finds the last tape</p><p id="b">Weather</p>';
    document.body.append(ad);
    await microtasks();
    expect(document.querySelector('#a')!.getAttribute('data-plot-armor')).toBe('hidden');
    expect(document.querySelector('#b')!.hasAttribute('data-plot-armor')).toBe(false);
    // Compiled once, by the pass that read the text; the stylesheet (light blur) came with it.
    expect(compileMatcher).toHaveBeenCalledTimes(1);
    expect(styleElements()).toBe(1);
    expect(document.querySelector('style[data-plot-armor-ui]')!.textContent).toContain('blur(0.3em)');
    document.body.insertAdjacentHTML('beforeend', '<p id="c">Clay Jensen again</p>');
    await microtasks();
    expect(document.querySelector('#c')!.getAttribute('data-plot-armor')).toBe('hidden');
    expect(compileMatcher).toHaveBeenCalledTimes(1);
  });

  it('compiles for text that matches nothing, and still hides nothing', async () => {
    document.body.innerHTML = '<p id="a">Weather</p>';
    await start();
    expect(compileMatcher).toHaveBeenCalledTimes(1);
    expect(document.querySelector('#a')!.hasAttribute('data-plot-armor')).toBe(false);
    expect(styleElements()).toBe(0);
  });
});
