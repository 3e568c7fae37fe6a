import { describe, expect, it } from 'vitest';
import {
  chunkKey,
  decodeDoc,
  encodeDoc,
  itemBytes,
  MANIFEST_KEY,
  planWrite,
  SYNC_QUOTA,
} from '../../../../lib/background/sync/chunks';
import { emptyDoc } from '../../../../lib/background/sync/doc';
import { newClock } from '../../../../lib/background/sync/hlc';
import { FIELD_DEFAULTS, docView, stampLocal, type SyncedList } from '../../../../lib/background/sync/view';
import { toWireJson } from '../../../../lib/background/sync/wire';

let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
/** A word that does not compress away: random letters. */
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');

function bigList(i: number, terms: number): SyncedList {
  return {
    ...FIELD_DEFAULTS,
    id: `list-${i}`, title: `Show ${i}`, enabled: true, matchNameParts: true, hideUntil: null, createdAt: i,
    characters: Array.from({ length: terms }, () => `${word()} ${word()}`), cast: [], keywords: [],
  };
}

const clock = newClock(Math.random, 'aaaaaa');

function withinQuota(items: Record<string, unknown>) {
  const sizes = Object.entries(items).map(([k, v]) => itemBytes(k, v));
  expect(Object.keys(items).length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA.perItemBytes);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
}

describe('the sync document in storage.sync items', () => {
  it('splits a large document into chunks within the quotas and reads it back', async () => {
    const { doc } = stampLocal(emptyDoc(), clock, [bigList(1, 600), bigList(2, 600)], 1000);
    const { items, left } = await encodeDoc(doc);
    expect(left).toEqual([]);
    expect(Object.keys(items).length).toBeGreaterThan(3);
    withinQuota(items);
    const read = await decodeDoc(items);
    expect(read.state).toBe('ok');
    if (read.state === 'ok') expect(toWireJson(read.doc)).toBe(toWireJson(doc));
  });

  it('keeps the most recently edited lists when all do not fit, and names the others', async () => {
    let state = { doc: emptyDoc(), clock };
    const lists: SyncedList[] = [];
    for (let i = 0; i < 8; i++) {
      lists.push(bigList(i, 900));
      state = stampLocal(state.doc, state.clock, lists, 1000 + i);
    }
    const { items, left } = await encodeDoc(state.doc);
    withinQuota(items);
    expect(left.length).toBeGreaterThan(0);
    const read = await decodeDoc(items);
    if (read.state !== 'ok') throw new Error(read.state);
    const kept = docView(read.doc).map((l) => l.id);
    // Newest first: list-7 was edited last.
    expect(kept).toContain('list-7');
    expect(new Set([...kept, ...left])).toEqual(new Set(lists.map((l) => l.id)));
    expect(left.every((id) => Number(id.slice(5)) < Math.min(...kept.map((k) => Number(k.slice(5)))))).toBe(true);
  });

  it('refuses a state with a chunk missing, left from another write, or damaged', async () => {
    const { doc } = stampLocal(emptyDoc(), clock, [bigList(1, 600)], 1000);
    const { items } = await encodeDoc(doc);
    const other = await encodeDoc(stampLocal(emptyDoc(), clock, [bigList(2, 600)], 1000).doc);
    expect(await decodeDoc({})).toEqual({ state: 'empty' });
    const missing = { ...items };
    delete missing[chunkKey(1)];
    expect(await decodeDoc(missing)).toEqual({ state: 'partial' });
    expect(await decodeDoc({ ...items, [chunkKey(0)]: other.items[chunkKey(0)] })).toEqual({ state: 'partial' });
    const noManifest = { ...items };
    delete noManifest[MANIFEST_KEY];
    expect(await decodeDoc(noManifest)).toEqual({ state: 'partial' });
    const chunk = items[chunkKey(1)] as string;
    const flipped = chunk.slice(0, 40) + (chunk[40] === 'A' ? 'B' : 'A') + chunk.slice(41);
    expect(await decodeDoc({ ...items, [chunkKey(1)]: flipped })).toEqual({ state: 'corrupt' });
    const manifest = items[MANIFEST_KEY] as { v: number };
    expect(await decodeDoc({ ...items, [MANIFEST_KEY]: { ...manifest, v: 2 } })).toEqual({ state: 'newer' });
    expect(await decodeDoc({ ...items, [MANIFEST_KEY]: { ...manifest, v: 0 } })).toEqual({ state: 'older' });
  });

  it('refuses a hashed payload that is not deflated sync data', async () => {
    const { digest } = await import('../../../../lib/background/sync/compress');
    const payload = btoa('not deflate at all, just text');
    const h = await digest(payload);
    expect(await decodeDoc({ [MANIFEST_KEY]: { v: 1, h, n: 1 }, [chunkKey(0)]: h + payload })).toEqual({ state: 'corrupt' });
  });

  it('writes only what changed and removes chunks no longer used', () => {
    const current = { [MANIFEST_KEY]: { v: 1, h: 'x', n: 3 }, [chunkKey(0)]: 'a', [chunkKey(1)]: 'b', [chunkKey(2)]: 'c', other: 1 };
    const next = { [MANIFEST_KEY]: { v: 1, h: 'y', n: 2 }, [chunkKey(0)]: 'a', [chunkKey(1)]: 'B' };
    expect(planWrite(current, next)).toEqual({
      set: { [MANIFEST_KEY]: { v: 1, h: 'y', n: 2 }, [chunkKey(1)]: 'B' },
      remove: [chunkKey(2)],
    });
  });
});
