import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Notify } from '../../../lib/content/start';
import { createTabClient } from '../../../lib/shared/client';
import { RemoteError, type VerbOf } from '../../../lib/shared/messages';

describe('the message protocol', () => {
  it('lets a content script send only the verbs that read or report about its frame', () => {
    // Checked by the compiler (npm test runs tsc): the protocol says who may send what.
    expectTypeOf<VerbOf<'content'>>().toEqualTypeOf<'page/count' | 'page/refresh-snapshot'>();
    expectTypeOf<VerbOf<'write'>>().toEqualTypeOf<
      | 'watchlists/create' | 'watchlists/update' | 'watchlists/delete' | 'watchlists/restore' | 'watchlists/import'
      | 'terms/add' | 'terms/remove' | 'settings/update' | 'sites/pause' | 'sites/resume'
      | 'subscriptions/add' | 'subscriptions/update' | 'subscriptions/remove'
    >();
    const notify: Notify = vi.fn(async () => null);
    void notify('page/count', { hidden: 2 });
    // @ts-expect-error a content script cannot send a verb that writes
    void notify('watchlists/create', { title: 'Injected' });
    // @ts-expect-error …nor one only the extension's pages read
    void notify('watchlists/list', {});
    expect(notify).toHaveBeenCalledTimes(3);
  });

  it('sends a tab its verb through the typed tab client and unwraps the answer', async () => {
    const send = vi.fn(async () => ({ ok: true, data: 4 }));
    const tab = createTabClient(send);
    const revealed = await tab.call(7, 'tab/reveal-all', {});
    expectTypeOf(revealed).toEqualTypeOf<number>();
    expect(revealed).toBe(4);
    expect(send).toHaveBeenCalledWith(7, { type: 'tab/reveal-all', data: {} });
    // @ts-expect-error a tab answers only the tab protocol
    await expect(tab.call(7, 'watchlists/list', {})).resolves.toBe(4);
  });

  it('turns a tab that does not answer into a RemoteError', async () => {
    const tab = createTabClient(async () => undefined);
    await expect(tab.call(7, 'tab/reveal-all', {})).rejects.toBeInstanceOf(RemoteError);
  });
});
