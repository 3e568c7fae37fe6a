import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPlotArmor, type Notify, type StorageArea } from '../../../lib/content/start';
import { PAUSED_KEY, SETTINGS_KEY, SNAPSHOT_KEY, WORDS_KEY } from '../../../lib/shared/page-state';
import { wordTemplates } from '../../../lib/shared/page-words';
import { buildSnapshot } from '../../../lib/shared/snapshot';
import { fakeWatchlist } from '../../unit/factories';
import { messagesOf } from '../../support/catalogue';

const english = messagesOf('en');

function fakeStorage(items: Record<string, unknown> | Error) {
  const listeners = new Set<(changes: Record<string, unknown>) => void>();
  const area: StorageArea & { change(next: Record<string, unknown>): void } = {
    get: vi.fn(async () => {
      if (items instanceof Error) throw items;
      return items;
    }),
    onChanged: { addListener: (cb) => void listeners.add(cb), removeListener: (cb) => void listeners.delete(cb) },
    change(next) {
      if (!(items instanceof Error)) Object.assign(items, next);
      for (const cb of listeners) cb(next);
    },
  };
  return area;
}
const notify: Notify = vi.fn(async () => null);
let controller = new AbortController();
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('data-plot-armor-ready');
});

describe('the content script start', () => {
  it('hides what the stored snapshot names, then marks the page ready', async () => {
    document.body.innerHTML = '<p id="a">Clay Jensen listens</p><p id="b">weather</p>';
    const snapshot = buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now());
    await startPlotArmor({
      getMessage: english,
      doc: document,
      signal: controller.signal,
      storage: fakeStorage({ [SNAPSHOT_KEY]: snapshot, [PAUSED_KEY]: [], [SETTINGS_KEY]: { blurStrength: 'strong' } }),
      notify,
      host: 'news.example.com',
    });
    expect(document.querySelector('#a')!.getAttribute('data-plot-armor')).toBe('hidden');
    expect(document.querySelector('#b')!.hasAttribute('data-plot-armor')).toBe(false);
    expect(document.documentElement.hasAttribute('data-plot-armor-ready')).toBe(true);
  });

  it('follows a paused site from storage without a reload', async () => {
    document.body.innerHTML = '<p id="a">Clay Jensen listens</p>';
    const snapshot = buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now());
    const storage = fakeStorage({ [SNAPSHOT_KEY]: snapshot, [PAUSED_KEY]: [] });
    await startPlotArmor({ getMessage: english, doc: document, signal: controller.signal, storage, notify, host: 'news.example.com' });
    storage.change({ [PAUSED_KEY]: ['example.com'] });
    await vi.waitFor(() => expect(document.querySelector('#a')!.hasAttribute('data-plot-armor')).toBe(false));
  });

  it('shows the page when storage cannot be read, instead of keeping it invisible', async () => {
    document.body.innerHTML = '<p id="a">Clay Jensen listens</p>';
    await startPlotArmor({
      getMessage: english,
      doc: document,
      signal: controller.signal,
      storage: fakeStorage(new Error('Extension context invalidated.')),
      notify,
      host: 'news.example.com',
    });
    expect(document.documentElement.hasAttribute('data-plot-armor-ready')).toBe(true);
  });

  it('uses the state handed over by the registered script when storage is slow, then follows storage if it differs', async () => {
    document.body.innerHTML = '<p id="a">Clay Jensen listens</p><p id="b">Hannah Baker too</p>';
    const early = buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now());
    const newer = buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Hannah Baker'] })], Date.now());
    let answer!: (items: Record<string, unknown>) => void;
    const storage = fakeStorage({});
    storage.get = vi.fn(() => new Promise<Record<string, unknown>>((resolve) => (answer = resolve)));
    await startPlotArmor({
      getMessage: english,
      doc: document,
      signal: controller.signal,
      storage,
      notify,
      host: 'news.example.com',
      early: Promise.resolve({ [SNAPSHOT_KEY]: early, [PAUSED_KEY]: [] }),
    });
    // Ready with no answer from storage yet.
    expect(document.documentElement.hasAttribute('data-plot-armor-ready')).toBe(true);
    expect(document.querySelector('#a')!.getAttribute('data-plot-armor')).toBe('hidden');
    // Storage had a newer state (the registered copy was a moment behind): it wins.
    answer({ [SNAPSHOT_KEY]: newer, [PAUSED_KEY]: [] });
    await vi.waitFor(() => expect(document.querySelector('#b')!.getAttribute('data-plot-armor')).toBe('hidden'));
    expect(document.querySelector('#a')!.hasAttribute('data-plot-armor')).toBe(false);
  });
});

describe('what a frame pays for', () => {
  const state = () => ({
    [SNAPSHOT_KEY]: buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now()),
    [PAUSED_KEY]: [],
  });

  it('starts what only a hidden block needs (the popup messages) with the first hidden block, once', async () => {
    document.body.innerHTML = '<p>weather</p>';
    const onFirstHidden = vi.fn();
    const scanner = await startPlotArmor({ getMessage: english, doc: document, signal: controller.signal, storage: fakeStorage(state()), notify, host: 'news.example.com', onFirstHidden });
    expect(onFirstHidden).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<p id="a">Clay Jensen listens</p>');
    await vi.waitFor(() => expect(document.querySelector('#a')!.getAttribute('data-plot-armor')).toBe('hidden'));
    document.body.insertAdjacentHTML('beforeend', '<p id="b">Clay Jensen again</p>');
    await vi.waitFor(() => expect(document.querySelector('#b')!.getAttribute('data-plot-armor')).toBe('hidden'));
    // …handed the scanner, which answers those messages.
    expect(onFirstHidden).toHaveBeenCalledTimes(1);
    expect(onFirstHidden).toHaveBeenCalledWith(scanner);
  });

  it('leaves marks on the timeline in the top frame only', async () => {
    performance.clearMarks();
    await startPlotArmor({ getMessage: english, doc: document, signal: controller.signal, storage: fakeStorage(state()), notify, host: 'news.example.com' });
    expect(performance.getEntriesByName('plot-armor:start')).toHaveLength(0);
    controller.abort();
    controller = new AbortController();
    await startPlotArmor({ getMessage: english, doc: document, signal: controller.signal, storage: fakeStorage(state()), notify, host: 'news.example.com', top: true });
    expect(performance.getEntriesByName('plot-armor:start')).toHaveLength(1);
  });
});

describe('the tab title', () => {
  const start = (storage: ReturnType<typeof fakeStorage>, top: boolean) =>
    startPlotArmor({ getMessage: english, doc: document, signal: controller.signal, storage, notify, host: 'news.example.com', top });
  const snapshot = () => buildSnapshot([fakeWatchlist({ title: '13 Reasons Why', characters: ['Clay Jensen'] })], Date.now());
  afterEach(() => {
    document.title = '';
  });

  it('is neutral in the top frame while the page title names a term and something is hidden, and comes back on pause and on reveal all', async () => {
    document.title = 'Clay Jensen, explained';
    document.body.innerHTML = '<p id="a">Clay Jensen listens</p>';
    const storage = fakeStorage({ [SNAPSHOT_KEY]: snapshot(), [PAUSED_KEY]: [] });
    const scanner = (await start(storage, true))!;
    expect(document.title).toBe('Possible spoiler · news.example.com');
    storage.change({ [PAUSED_KEY]: ['example.com'] });
    await vi.waitFor(() => expect(document.title).toBe('Clay Jensen, explained'));
    storage.change({ [PAUSED_KEY]: [] });
    await vi.waitFor(() => expect(document.title).toBe('Possible spoiler · news.example.com'));
    scanner.revealAll();
    expect(document.title).toBe('Clay Jensen, explained');
  });

  it("speaks the browser's language", async () => {
    document.title = 'Clay Jensen, explained';
    document.body.innerHTML = '<p id="a" title="own">Clay Jensen listens</p>';
    const storage = fakeStorage({ [SNAPSHOT_KEY]: snapshot(), [PAUSED_KEY]: [] });
    await startPlotArmor({ getMessage: messagesOf('fr'), doc: document, signal: controller.signal, storage, notify, host: 'news.example.com', top: true });
    expect(document.title).toBe('Spoiler possible · news.example.com');
    expect(document.querySelector('#a')!.getAttribute('title')).toBe("Spoiler possible — cliquez pour l'afficher");
  });

  it('writes the words stored with the state, asking the catalogue for none', async () => {
    document.title = 'Clay Jensen, explained';
    document.body.innerHTML = '<p id="a" title="own">Clay Jensen listens</p>';
    // Stored in French; the catalogue handed in would say English, and counts what it is asked.
    const stored = wordTemplates(messagesOf('fr'));
    const catalogue = vi.fn(messagesOf('en'));
    const storage = fakeStorage({ [SNAPSHOT_KEY]: snapshot(), [PAUSED_KEY]: [], [WORDS_KEY]: stored });
    await startPlotArmor({ getMessage: catalogue, doc: document, signal: controller.signal, storage, notify, host: 'news.example.com', top: true });
    expect(document.title).toBe('Spoiler possible · news.example.com');
    expect(document.querySelector('#a')!.getAttribute('title')).toBe("Spoiler possible — cliquez pour l'afficher");
    expect(catalogue).not.toHaveBeenCalled();
  });

  it('is left alone in a frame, and when the scanner stops', async () => {
    document.title = 'Clay Jensen, explained';
    document.body.innerHTML = '<p id="a">Clay Jensen listens</p>';
    await start(fakeStorage({ [SNAPSHOT_KEY]: snapshot(), [PAUSED_KEY]: [] }), false);
    expect(document.title).toBe('Clay Jensen, explained');
    controller.abort();
    controller = new AbortController();
    await start(fakeStorage({ [SNAPSHOT_KEY]: snapshot(), [PAUSED_KEY]: [] }), true);
    expect(document.title).toBe('Possible spoiler · news.example.com');
    controller.abort();
    expect(document.title).toBe('Clay Jensen, explained');
  });
});
