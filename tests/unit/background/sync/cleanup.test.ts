import { describe, expect, it } from 'vitest';
import { cleanTombstones, DEVICE_FORGET_MS, mergeMeta, TOMBSTONE_MIN_AGE_MS } from '../../../../lib/background/sync/cleanup';
import { emptyList, mergeDocs, type SyncDoc } from '../../../../lib/background/sync/doc';
import { newClock, tick } from '../../../../lib/background/sync/hlc';
import { fromWireJson, toWireJson } from '../../../../lib/background/sync/wire';

const DAY = 24 * 60 * 60_000;
// Midnight UTC: a device notes its last sync by the day.
const T0 = 1_700_006_400_000;

/** A document with list `live` and list `gone` deleted at T0, as device `aaaaaa` wrote it. */
function docWithTombstone(): SyncDoc {
  const { stamp } = tick(newClock(Math.random, 'aaaaaa'), T0);
  const live = emptyList(stamp);
  live.fields.title = { ts: stamp, v: 'Dark' };
  const gone = emptyList(stamp);
  gone.deleted = { ts: stamp, v: true };
  gone.fields.title = { ts: stamp, v: 'Lost' };
  gone.terms.characters['jack'] = { ts: stamp, text: 'Jack', on: true };
  return { lists: { live, gone } };
}

describe('cleanTombstones', () => {
  it('keeps only the deleted register of a deleted list, and the device acknowledges it', () => {
    const doc = cleanTombstones(docWithTombstone(), 'aaaaaa', T0 + DAY);
    expect(doc.lists.gone).toEqual({ deleted: docWithTombstone().lists.gone!.deleted, fields: {}, terms: { characters: {}, cast: {}, keywords: {} } });
    expect(doc.lists.live).toEqual(docWithTombstone().lists.live);
    expect(doc.acks).toEqual({ gone: ['aaaaaa'] });
    expect(doc.devices).toEqual({ aaaaaa: T0 + DAY });
  });

  it('removes a tombstone once it is old and every known device had acknowledged it, and not before', () => {
    // Two devices have synced; only a has applied the deletion.
    let doc = cleanTombstones({ ...docWithTombstone(), devices: { bbbbbb: T0 } }, 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS);
    expect(Object.keys(doc.lists)).toEqual(['live', 'gone']);
    // b applies it (and syncs): too young still, a day earlier.
    doc = cleanTombstones(doc, 'bbbbbb', T0 + TOMBSTONE_MIN_AGE_MS - DAY);
    expect(doc.acks).toEqual({ gone: ['aaaaaa', 'bbbbbb'] });
    expect(Object.keys(doc.lists)).toEqual(['live', 'gone']);
    doc = cleanTombstones(doc, 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS);
    expect(Object.keys(doc.lists)).toEqual(['live']);
    expect(doc.acks).toEqual({});
  });

  it('forgets a device not heard from for half a year, which then holds nothing back', () => {
    const doc = cleanTombstones({ ...docWithTombstone(), devices: { bbbbbb: T0 }, acks: { gone: ['aaaaaa'] } }, 'aaaaaa', T0 + DEVICE_FORGET_MS);
    expect(doc.devices).toEqual({ aaaaaa: T0 + DEVICE_FORGET_MS });
    expect(Object.keys(doc.lists)).toEqual(['live']);
  });

  it('a removed tombstone that comes back from a device that kept it is removed again: both converge', () => {
    const kept = cleanTombstones({ ...docWithTombstone(), devices: { bbbbbb: T0 + DAY }, acks: { gone: ['aaaaaa', 'bbbbbb'] } }, 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS);
    expect(Object.keys(kept.lists)).toEqual(['live']);
    const other = cleanTombstones({ ...docWithTombstone(), acks: { gone: ['aaaaaa'] }, devices: { aaaaaa: T0 } }, 'bbbbbb', T0 + DAY);
    const merged = cleanTombstones(mergeDocs(kept, other), 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS + 1);
    expect(Object.keys(merged.lists)).toEqual(['live']);
    expect(merged.lists.live).toEqual(kept.lists.live);
  });
});

describe('a removed tombstone', () => {
  it('leaves a marker that keeps a copy from before the deletion out, then goes itself', () => {
    const purged = cleanTombstones({ ...docWithTombstone(), acks: { gone: ['aaaaaa'] } }, 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS);
    expect(Object.keys(purged.lists)).toEqual(['live']);
    expect(purged.purged).toEqual({ gone: docWithTombstone().lists.gone!.deleted.ts });
    // A device that never saw the deletion (forgotten since) writes the list back as it was.
    const stale = docWithTombstone();
    stale.lists.gone = { ...stale.lists.gone!, deleted: { ts: tick(newClock(Math.random, 'cccccc'), T0 - DAY).stamp, v: false } };
    const merged = cleanTombstones(mergeDocs(purged, stale), 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS + 1);
    expect(Object.keys(merged.lists)).toEqual(['live']);
    // An undo made after the removal is a newer deletion register: it wins over the marker.
    const undone = docWithTombstone();
    undone.lists.gone = { ...undone.lists.gone!, deleted: { ts: tick(newClock(Math.random, 'aaaaaa'), T0 + TOMBSTONE_MIN_AGE_MS + 5).stamp, v: false } };
    const back = cleanTombstones(mergeDocs(purged, undone), 'aaaaaa', T0 + TOMBSTONE_MIN_AGE_MS + 6);
    expect(Object.keys(back.lists).sort()).toEqual(['gone', 'live']);
    expect(back.purged).toBeUndefined();
    // Thirty days after it could first be removed, the marker goes too.
    expect(cleanTombstones(purged, 'aaaaaa', T0 + 2 * TOMBSTONE_MIN_AGE_MS).purged).toBeUndefined();
  });
});

describe('mergeMeta', () => {
  it('joins acknowledgements by union and device times by the later', () => {
    expect(mergeMeta({ lists: {}, acks: { x: ['a'] }, devices: { a: 1, b: 5 } }, { lists: {}, acks: { x: ['b'], y: ['b'] }, devices: { a: 3 } })).toEqual({
      acks: { x: ['a', 'b'], y: ['b'] },
      devices: { a: 3, b: 5 },
    });
    expect(mergeMeta({ lists: {} }, { lists: {} })).toEqual({});
  });

  it('round-trips through the stored form, which readers that predate it read as before', () => {
    const doc = cleanTombstones(docWithTombstone(), 'aaaaaa', T0 + DAY);
    const text = toWireJson(doc);
    expect(fromWireJson(text)).toEqual({ ok: true, doc });
    const bad = JSON.parse(text) as Record<string, unknown>;
    bad.d = { 'not a node': 1 };
    expect(fromWireJson(JSON.stringify(bad))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
