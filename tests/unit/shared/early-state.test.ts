import { describe, expect, it, vi } from 'vitest';
import { createEarlyStatePublisher, type ContentScriptsApi } from '../../../lib/background/early-state';
import { EARLY_STATE_LIMIT, EARLY_STATE_RECEIVER, EARLY_STATE_SLOT, earlyStateCode, receiveEarlyState } from '../../../lib/shared/early-state';

/** Runs a registered script's code with `scope` as its global. */
const run = (code: string, scope: Record<string, unknown>) => new Function('globalThis', code)(scope);
const items = { 'plotArmor.pausedSites': ['a.example'], 'plotArmor.snapshot': { v: 1, lists: [], nextChange: null, note: '</script> "quoted" \u2028' } };

describe('the page state handed over by a registered script (Firefox)', () => {
  it('reaches the content script whichever of the two runs first', async () => {
    const scriptFirst: Record<string, unknown> = {};
    run(earlyStateCode(items)!, scriptFirst);
    await expect(receiveEarlyState(scriptFirst)).resolves.toEqual(items);
    expect(scriptFirst).not.toHaveProperty(EARLY_STATE_SLOT);

    const receiverFirst: Record<string, unknown> = {};
    const received = receiveEarlyState(receiverFirst);
    run(earlyStateCode(items)!, receiverFirst);
    await expect(received).resolves.toEqual(items);
    expect(receiverFirst).not.toHaveProperty(EARLY_STATE_RECEIVER);
  });

  it('leaves out the stored forms when only they make the state too large', async () => {
    const snapshot = { v: 1, lists: [], nextChange: null, forms: { texts: 'x'.repeat(EARLY_STATE_LIMIT), start: [], owners: [] } };
    const scope: Record<string, unknown> = {};
    run(earlyStateCode({ 'plotArmor.snapshot': snapshot })!, scope);
    await expect(receiveEarlyState(scope)).resolves.toEqual({ 'plotArmor.snapshot': { ...snapshot, forms: null } });
    expect(earlyStateCode({ 'plotArmor.snapshot': { ...snapshot, lists: ['x'.repeat(EARLY_STATE_LIMIT)] } })).toBeNull();
  });

  it('is replaced on each publish, the old registration going first, and is skipped without the API', async () => {
    const calls: string[] = [];
    const api: ContentScriptsApi = {
      register: vi.fn(async (options) => {
        const n = calls.length;
        calls.push(`register ${options.js[0]!.code.includes('b.example') ? 'b' : 'a'}`);
        return { unregister: async () => void calls.push(`unregister ${n}`) };
      }),
    };
    const publisher = createEarlyStatePublisher(api);
    void publisher.publish({ 'plotArmor.pausedSites': ['a.example'] });
    await publisher.publish({ 'plotArmor.pausedSites': ['b.example'] });
    expect(calls).toEqual(['register a', 'unregister 0', 'register b']);
    expect(api.register).toHaveBeenLastCalledWith(expect.objectContaining({ runAt: 'document_start', allFrames: true, matchAboutBlank: true }));
    await expect(createEarlyStatePublisher(null).publish({})).resolves.toBeUndefined();
    // A state too large for every frame is not registered (and the old one is gone).
    await publisher.publish({ 'plotArmor.snapshot': 'x'.repeat(EARLY_STATE_LIMIT) });
    expect(calls).toEqual(['register a', 'unregister 0', 'register b', 'unregister 2']);
  });
});
