/**
 * Keeps tombstones from piling up. A deleted list needs only its `deleted` register to
 * stay deleted (a merge keeps the later register, and an undo writes newer stamps for
 * everything it puts back), so its fields and terms are dropped at once. The tombstone
 * itself is removed once it is 30 days old and every device known to sync has applied
 * it: each device, when it saves a document, acknowledges the tombstones in it
 * (`acks`, a grow-only set per list) and notes when it last synced (`devices`). A device
 * that has not applied a deletion may still hold the list, and without the tombstone
 * its copy would bring the list back; a device not heard from for 180 days is forgotten.
 * A removed tombstone leaves a marker (`purged`: its id and deletion stamp) for another
 * 30 days, so a device that kept the tombstone learns it is gone instead of writing it
 * back, and a stale copy of the list from before the deletion stays out.
 */
import type { SyncDoc, SyncList } from './doc';
import { wallOf, type Stamp } from './hlc';

const DAY_MS = 24 * 60 * 60_000;
/** A tombstone is removed this long after the deletion, at the earliest. */
export const TOMBSTONE_MIN_AGE_MS = 30 * 24 * 60 * 60_000;
/** A device that has not synced for this long no longer holds tombstones back. */
export const DEVICE_FORGET_MS = 180 * 24 * 60 * 60_000;

/** The join of two documents' acknowledgements and devices (sets by union, times by max). */
export function mergeMeta(a: SyncDoc, b: SyncDoc): Pick<SyncDoc, 'acks' | 'devices' | 'purged'> {
  const acks: Record<string, string[]> = {};
  for (const source of [a.acks, b.acks]) {
    for (const [id, nodes] of Object.entries(source ?? {})) {
      own(acks, id, [...new Set([...(Object.hasOwn(acks, id) ? acks[id]! : []), ...nodes])].sort());
    }
  }
  const devices: Record<string, number> = {};
  for (const source of [a.devices, b.devices]) {
    for (const [node, at] of Object.entries(source ?? {})) {
      own(devices, node, Math.max(Object.hasOwn(devices, node) ? devices[node]! : at, at));
    }
  }
  const purged: Record<string, Stamp> = {};
  for (const source of [a.purged, b.purged]) {
    for (const [id, ts] of Object.entries(source ?? {})) {
      own(purged, id, Object.hasOwn(purged, id) && purged[id]! > ts ? purged[id]! : ts);
    }
  }
  // Absent rather than empty, so documents without any stay as they were.
  return {
    ...(Object.keys(acks).length > 0 ? { acks } : {}),
    ...(Object.keys(devices).length > 0 ? { devices } : {}),
    ...(Object.keys(purged).length > 0 ? { purged } : {}),
  };
}

/**
 * The document this device (`node`) saves at `now`, its lists applied: it notes itself
 * as a device, acknowledges every tombstone, reduces each to its `deleted` register and
 * removes those 30 days old that every known device had acknowledged already (its own
 * acknowledgement included, so every device has had the chance to read the full set).
 * Ages are measured against the latest sync time in the document, not this device's
 * clock, so devices whose clocks disagree still decide alike and do not undo each
 * other's writes. Pure.
 */
export function cleanTombstones(doc: SyncDoc, node: string, now: number): SyncDoc {
  // A day is fine enough, and a device writes its note once a day, not at every sync
  // (a note changed at every sync would make each device's write start the other's).
  const today = now - (now % DAY_MS);
  const seen = { ...doc.devices };
  own(seen, node, Math.max(Object.hasOwn(seen, node) ? seen[node]! : today, today));
  const latest = Math.max(...Object.values(seen));
  const devices: Record<string, number> = {};
  for (const [device, at] of Object.entries(seen)) if (latest - at < DEVICE_FORGET_MS) own(devices, device, at);
  const known = Object.keys(devices);
  const lists: Record<string, SyncList> = {};
  const acks: Record<string, string[]> = {};
  const purged: Record<string, Stamp> = {};
  for (const [id, ts] of Object.entries(doc.purged ?? {})) {
    const later = Object.hasOwn(doc.lists, id) && doc.lists[id]!.deleted.ts > ts; // an undo after the removal
    if (!later && latest - wallOf(ts) < 2 * TOMBSTONE_MIN_AGE_MS) own(purged, id, ts);
  }
  for (const [id, entry] of Object.entries(doc.lists)) {
    // The tombstone was removed: this is it again, or a copy from before the deletion.
    if (Object.hasOwn(purged, id)) continue;
    if (!entry.deleted.v) {
      own(lists, id, entry);
      continue;
    }
    const acked = new Set(doc.acks && Object.hasOwn(doc.acks, id) ? doc.acks[id] : []);
    const old = latest - wallOf(entry.deleted.ts) >= TOMBSTONE_MIN_AGE_MS;
    if (old && known.every((device) => acked.has(device))) {
      own(purged, id, entry.deleted.ts);
      continue;
    }
    acked.add(node);
    own(lists, id, { deleted: entry.deleted, fields: {}, terms: { characters: {}, cast: {}, keywords: {} } });
    own(acks, id, [...acked].sort());
  }
  return { lists, acks, devices, ...(Object.keys(purged).length > 0 ? { purged } : {}) };
}

function own<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
