import { describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '../../../lib/background/handlers';
import { createTabCounts } from '../../../lib/background/tab-counts';
import { openPlotArmorDb } from '../../../lib/db/open';

const ORIGIN = 'chrome-extension://abcdef/';
const fromOptions = { url: `${ORIGIN}options.html`, tab: { id: 3 } };
const fromPage = { url: 'https://evil.example/article', tab: { id: 7 }, frameId: 0 };

function setup() {
  const dbPromise = openPlotArmorDb(`handlers-${crypto.randomUUID()}`);
  const publish = vi.fn(async () => {});
  const badge = vi.fn(async () => {});
  const counts = createTabCounts({ setBadgeText: badge, area: null });
  const handle = createMessageHandler({ db: () => dbPromise, publish, counts, extensionOrigin: ORIGIN });
  return { handle, publish, badge };
}

describe('background message handler', () => {
  it('creates and lists watchlists for the extension pages, and republishes the page state', async () => {
    const { handle, publish } = setup();
    const created = await handle({ type: 'watchlists/create', data: { title: 'Dark', characters: ['Jonas Kahnwald'] } }, fromOptions);
    expect(created).toMatchObject({ ok: true, data: { title: 'Dark', characters: ['Jonas Kahnwald'] } });
    expect(publish).toHaveBeenCalledTimes(1);
    const listed = await handle({ type: 'watchlists/list', data: {} }, fromOptions);
    expect(listed).toMatchObject({ ok: true, data: [{ title: 'Dark' }] });
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('refuses a write from a content script and changes nothing', async () => {
    const { handle, publish } = setup();
    const reply = await handle({ type: 'watchlists/create', data: { title: 'Injected' } }, fromPage);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining("only accepted from the extension's own pages") });
    const imported = await handle({ type: 'watchlists/import', data: { text: '{}' } }, fromPage);
    expect(imported.ok).toBe(false);
    expect(await handle({ type: 'watchlists/list', data: {} }, fromOptions)).toEqual({ ok: true, data: [] });
    expect(publish).not.toHaveBeenCalled();
  });

  it('answers malformed messages with an error instead of throwing', async () => {
    const { handle } = setup();
    for (const message of [null, 42, 'hi', {}, { type: 'nope', data: {} }, { type: 'watchlists/list' }, { type: '__proto__', data: {} }]) {
      expect((await handle(message, fromOptions)).ok).toBe(false);
    }
    const bad = await handle({ type: 'watchlists/update', data: { id: 'x', patch: { enabled: 'yes' } } }, fromOptions);
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('patch.enabled') });
  });

  it('turns a bad import file into the parser message', async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'watchlists/import', data: { text: 'not json' } }, fromOptions);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('not valid JSON') });
  });

  it('lets a content script report its count, summed per tab on the badge', async () => {
    const { handle, badge } = setup();
    await handle({ type: 'page/count', data: { hidden: 4 } }, fromPage);
    await handle({ type: 'page/count', data: { hidden: 2 } }, { ...fromPage, frameId: 5 });
    expect(badge).toHaveBeenLastCalledWith(7, '6');
    expect(await handle({ type: 'tab/count', data: { tabId: 7 } }, fromOptions)).toEqual({ ok: true, data: 6 });
    expect((await handle({ type: 'page/count', data: { hidden: -1 } }, fromPage)).ok).toBe(false);
  });
});
