import { describe, expect, it, vi } from 'vitest';
import { createPublisher } from '../../../lib/background/publisher';
import { listUnpublished } from '../../../lib/db/unpublished';
import { importWatchlists, listWatchlists } from '../../../lib/db/watchlists';
import { freshDb } from '../db/helpers';
import { fakeImported } from '../factories';

describe('publisher', () => {
  it('publishes on the next start when the background stopped between a write and its publish', async () => {
    const db = await freshDb();
    // First run: the import commits, then the browser stops the worker while it publishes.
    const stopped = vi.fn(() => new Promise<void>(() => {}));
    const first = createPublisher({ db: async () => db, publish: stopped, owner: 'first' });
    void first.write(() => importWatchlists(db, [fakeImported({ title: 'Dark', characters: ['Jonas'] })]));
    await vi.waitFor(() => expect(stopped).toHaveBeenCalled());
    expect(await listWatchlists(db)).toHaveLength(1);

    const publish = vi.fn(async () => {});
    const second = createPublisher({ db: async () => db, publish, owner: 'second' });
    await second.resume();
    expect(publish).toHaveBeenCalledTimes(1);
    expect(await listUnpublished(db)).toEqual([]);
    // A start with nothing left over publishes nothing (the worker restarts often).
    await createPublisher({ db: async () => db, publish, owner: 'third' }).resume();
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('publishes after each write and leaves no mark; a refused write publishes nothing', async () => {
    const db = await freshDb();
    const publish = vi.fn(async () => {});
    const publisher = createPublisher({ db: async () => db, publish });
    expect(await publisher.write(async () => 42)).toBe(42);
    expect(publish).toHaveBeenCalledTimes(1);
    await expect(publisher.write(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(await listUnpublished(db)).toEqual([]);
  });

  it('keeps the mark when publishing fails, so the next start tries again', async () => {
    const db = await freshDb();
    const failing = createPublisher({ db: async () => db, publish: async () => Promise.reject(new Error('no')), owner: 'a' });
    await expect(failing.write(async () => null)).rejects.toThrow('no');
    expect(await listUnpublished(db)).toHaveLength(1);
    const publish = vi.fn(async () => {});
    await createPublisher({ db: async () => db, publish, owner: 'b' }).resume();
    expect(publish).toHaveBeenCalledTimes(1);
  });
});
