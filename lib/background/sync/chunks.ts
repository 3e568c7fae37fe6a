/**
 * The sync document in `storage.sync` items: deflated, in base64, split into chunks
 * that fit the per-item quota, plus a manifest naming the written state (a hash of
 * the whole) and how many chunks it has. Every chunk starts with that hash, so a
 * chunk left from another write, a missing chunk or a damaged one is seen, and the
 * remote state is then refused as a whole rather than merged half-way.
 *
 * When the document does not fit the quota, the lists edited most recently are kept
 * and the others are reported as not synced (they stay on this device).
 */
import { latestStamp, type SyncDoc } from './doc';
import { deflateToBase64, digest, inflateFromBase64 } from './compress';
import { fromWireJson, toWireJson } from './wire';

/** `storage.sync` quotas (Chrome's; Firefox enforces the same numbers). */
export interface SyncQuota {
  /** QUOTA_BYTES: all items, keys and JSON values together. */
  totalBytes: number;
  /** QUOTA_BYTES_PER_ITEM: one key plus its JSON value. */
  perItemBytes: number;
  /** MAX_ITEMS. */
  maxItems: number;
}

export const SYNC_QUOTA: Readonly<SyncQuota> = Object.freeze({
  totalBytes: 102_400,
  perItemBytes: 8_192,
  maxItems: 512,
});

/** The version of the chunk layout; a newer one is refused, an older one ignored. */
export const CHUNK_VERSION = 1;
export const MANIFEST_KEY = 'watchlists';
const CHUNK_PREFIX = 'watchlists.';
const HASH_LENGTH = 16;
/** A document inflating to more than this is refused (a damaged or hostile state). */
const MAX_INFLATED = 8 * 1024 * 1024;

/** The manifest item: layout version, hash of the whole, number of chunks. */
export interface Manifest {
  v: number;
  h: string;
  n: number;
}

/** The key of chunk `index`. */
export function chunkKey(index: number): string {
  return CHUNK_PREFIX + index;
}

/** Whether `key` is one of the items this module writes. */
export function isSyncKey(key: string): boolean {
  return key === MANIFEST_KEY || (key.startsWith(CHUNK_PREFIX) && /^\d+$/.test(key.slice(CHUNK_PREFIX.length)));
}

/** Bytes an item counts against the quota: its key plus its JSON value. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;
}

/** The items for one wire text, or null when they would not fit `quota`. */
async function itemsFor(json: string, quota: SyncQuota): Promise<Record<string, unknown> | null> {
  const payload = await deflateToBase64(json);
  const hash = await digest(payload);
  // Room for the key (at most 3 digits of index), the quotes and the hash.
  const size = quota.perItemBytes - (CHUNK_PREFIX.length + 3) - 2 - HASH_LENGTH;
  const count = Math.max(1, Math.ceil(payload.length / size));
  const items: Record<string, unknown> = {};
  const manifest: Manifest = { v: CHUNK_VERSION, h: hash, n: count };
  items[MANIFEST_KEY] = manifest;
  for (let i = 0; i < count; i++) items[chunkKey(i)] = hash + payload.slice(i * size, (i + 1) * size);
  const total = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  if (count + 1 > quota.maxItems || total > quota.totalBytes) return null;
  return items;
}

/** What to write: the items, and the ids of lists left out for lack of room. */
export interface Encoded {
  items: Record<string, unknown>;
  left: string[];
}

/**
 * The items holding `doc`, within `quota`. If it does not all fit, the lists (and
 * tombstones) with the latest edits are kept, as many as fit; `left` names the rest.
 */
export async function encodeDoc(doc: SyncDoc, quota: SyncQuota = SYNC_QUOTA): Promise<Encoded> {
  const ids = Object.keys(doc.lists);
  const all = await itemsFor(toWireJson(doc), quota);
  if (all) return { items: all, left: [] };
  const stamps = new Map(ids.map((id) => [id, latestStamp(doc.lists[id]!)]));
  const newest = ids.sort((a, b) => {
    const sa = stamps.get(a)!;
    const sb = stamps.get(b)!;
    return sa !== sb ? (sa > sb ? -1 : 1) : a < b ? -1 : 1;
  });
  // The largest prefix of `newest` that fits (sizes grow with the prefix).
  let lo = 0;
  let hi = newest.length - 1;
  let best = (await itemsFor(toWireJson(doc, []), quota)) ?? {};
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const items = await itemsFor(toWireJson(doc, newest.slice(0, mid)), quota);
    if (items) {
      best = items;
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return { items: best, left: newest.slice(lo) };
}

/** What was read from `storage.sync`. */
export type Decoded =
  | { state: 'empty' }
  | { state: 'ok'; doc: SyncDoc; hash: string }
  /** Some chunk is missing or from another write: maybe still arriving. */
  | { state: 'partial' }
  /** Everything is there but does not read back (damaged). */
  | { state: 'corrupt' }
  /** Written by a newer version of the extension. */
  | { state: 'newer' }
  /** Written by an older layout, which this version no longer reads. */
  | { state: 'older' };

function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | null;
  return (
    typeof m === 'object' && m !== null &&
    typeof m.v === 'number' && typeof m.h === 'string' && m.h.length === HASH_LENGTH &&
    typeof m.n === 'number' && Number.isInteger(m.n) && m.n >= 1 && m.n < 512
  );
}

/** Reads the document from `storage.sync`'s items (all of them, or at least this module's). */
export async function decodeDoc(items: Record<string, unknown>): Promise<Decoded> {
  const manifest = items[MANIFEST_KEY];
  if (manifest === undefined) {
    return Object.keys(items).some(isSyncKey) ? { state: 'partial' } : { state: 'empty' };
  }
  if (typeof manifest === 'object' && manifest !== null && typeof (manifest as Manifest).v === 'number') {
    if ((manifest as Manifest).v > CHUNK_VERSION) return { state: 'newer' };
    if ((manifest as Manifest).v < CHUNK_VERSION) return { state: 'older' };
  }
  if (!isManifest(manifest)) return { state: 'corrupt' };
  let payload = '';
  for (let i = 0; i < manifest.n; i++) {
    const chunk = items[chunkKey(i)];
    if (typeof chunk !== 'string' || !chunk.startsWith(manifest.h)) return { state: 'partial' };
    payload += chunk.slice(HASH_LENGTH);
  }
  if ((await digest(payload)) !== manifest.h) return { state: 'corrupt' };
  let json: string;
  try {
    json = await inflateFromBase64(payload, MAX_INFLATED);
  } catch {
    return { state: 'corrupt' };
  }
  const read = fromWireJson(json);
  if (!read.ok) return { state: read.reason };
  return { state: 'ok', doc: read.doc, hash: manifest.h };
}

/** The `storage.sync` calls that turn `current` items into `next`: what to set, what to remove. */
export function planWrite(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) set[key] = value;
  }
  const remove = Object.keys(current).filter((key) => isSyncKey(key) && !(key in next));
  return { set, remove };
}
