/**
 * How much of the watchlists the content scripts' snapshot holds. Every frame of every
 * page reads it at start, and `storage.local` holds 10 MB in Chromium: a snapshot past
 * that would fail to be written, and with it every later change. So the snapshot takes
 * the active lists that fit a budget, the smallest first (as many shows as possible stay
 * hidden); the others stay saved, and the options page names them.
 */
import type { SnapshotList } from './snapshot';

/** Bytes of lists a snapshot holds at most (its JSON, UTF-8): well under the 10 MB quota. */
export const SNAPSHOT_BUDGET = 8_000_000;

/** Bytes `value` takes as JSON in UTF-8 (what the storage quota counts). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 1 : 2;
  }
  return bytes;
}

/** The lists that fit `budget` (in their given order) and those left out, smallest first. */
export function fitLists<T extends SnapshotList>(lists: readonly T[], budget = SNAPSHOT_BUDGET): { kept: T[]; leftOut: T[] } {
  const sizes = new Map(lists.map((list) => [list, jsonBytes(list)]));
  let total = 0;
  const fits = new Set<T>();
  for (const list of [...lists].sort((a, b) => sizes.get(a)! - sizes.get(b)!)) {
    const size = sizes.get(list)!;
    if (total + size > budget) continue;
    total += size;
    fits.add(list);
  }
  return { kept: lists.filter((l) => fits.has(l)), leftOut: lists.filter((l) => !fits.has(l)) };
}
