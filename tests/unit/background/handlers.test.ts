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
    expect(reply).toEqual({ ok: false, error: { code: 'not-allowed', params: ['watchlists/create'] } });
    const imported = await handle({ type: 'watchlists/import', data: { text: '{}' } }, fromPage);
    expect(imported.ok).toBe(false);
    expect(await handle({ type: 'watchlists/list', data: {} }, fromOptions)).toEqual({ ok: true, data: [] });
    expect(publish).not.toHaveBeenCalled();
  });

  it('answers malformed messages with an error instead of throwing', async () => {
    const { handle } = setup();
    for (const message of [null, 42, 'hi', {}, { type: 'nope', data: {} }, { type: 'watchlists/list' }, { type: '__proto__', data: {} }]) {
      expect(await handle(message, fromOptions)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(unknown-message|invalid-request)$/) } });
    }
    const bad = await handle({ type: 'watchlists/update', data: { id: 'x', patch: { enabled: 'yes' } } }, fromOptions);
    expect(bad).toEqual({ ok: false, error: { code: 'invalid-request', params: ['watchlists/update patch.enabled'] } });
  });

  it("turns a bad import file into the parser's problem", async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'watchlists/import', data: { text: '{"format": "plot-armor"}' } }, fromOptions);
    expect(reply).toEqual({ ok: false, error: { code: 'file-version-missing', params: [2] } });
  });

  it('answers a refusal of the database with its problem, a full storage as such, and anything else as a plain failure, never with its text', async () => {
    const { handle } = setup();
    await handle({ type: 'watchlists/create', data: { title: 'Dark' } }, fromOptions);
    expect(await handle({ type: 'watchlists/create', data: { title: 'dark' } }, fromOptions)).toEqual({
      ok: false,
      error: { code: 'title-taken', params: ['dark'] },
    });
    const failing = (error: unknown) =>
      createMessageHandler({
        db: () => Promise.reject(error),
        publish: async () => {},
        counts: createTabCounts({ setBadgeText: async () => {}, area: null }),
        extensionOrigin: ORIGIN,
      });
    const list = { type: 'watchlists/list', data: {} };
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(await failing(quota)(list, fromOptions)).toEqual({ ok: false, error: { code: 'storage-full' } });
    expect(await failing(new Error('Internal error opening backing store'))(list, fromOptions)).toEqual({ ok: false, error: { code: 'failed' } });
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
