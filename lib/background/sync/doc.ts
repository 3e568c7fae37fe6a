/**
 * The sync document: every watchlist as a set of last-writer-wins registers, one per
 * field and one per term, each with its own stamp, so edits on two devices to
 * different lists, fields or terms all survive a merge. A deleted list keeps a
 * tombstone (its `deleted` register), so absence from another device's copy is never
 * read as a deletion, and a deletion is undone only by an explicit restore.
 *
 * `mergeDocs` is a pure join (commutative, associative, idempotent): devices that
 * have seen the same edits hold the same document, in whatever order they saw them.
 */
import { TERM_GROUPS, type TermGroup } from '../../shared/watchlist';
import { mergeMeta } from './cleanup';
import type { Stamp } from './hlc';

/** A JSON value as stored in a field register. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A last-writer-wins register. */
export interface Reg<T> {
  ts: Stamp;
  v: T;
}

/** One term of a group: its spelling and whether it is in the list. */
export interface TermReg {
  ts: Stamp;
  text: string;
  on: boolean;
}

/** The term groups that sync: all three. */
export const SYNC_GROUPS = TERM_GROUPS;
export type SyncGroup = TermGroup;

/** One watchlist in the sync document. */
export interface SyncList {
  /** Whether the list is deleted (a tombstone when true). */
  deleted: Reg<boolean>;
  /** Field registers by field name (see `fields.ts`); unknown names are kept as they are. */
  fields: Record<string, Reg<Json>>;
  /** Term registers by group, then by the term's comparison key (`foldKey`). */
  terms: Record<SyncGroup, Record<string, TermReg>>;
}

/** Every watchlist any device has synced, by id. */
export interface SyncDoc {
  lists: Record<string, SyncList>;
  /** Per deleted list, the devices that have applied its deletion (see `cleanup.ts`). */
  acks?: Record<string, string[]>;
  /** Per device (clock node), the epoch ms of its last sync (see `cleanup.ts`). */
  devices?: Record<string, number>;
  /** Per removed tombstone, its deletion stamp, for a while (see `cleanup.ts`). */
  purged?: Record<string, Stamp>;
}

/** An empty document. */
export function emptyDoc(): SyncDoc {
  return { lists: {} };
}

/** An empty list entry, live as of `ts`. */
export function emptyList(ts: Stamp): SyncList {
  return { deleted: { ts, v: false }, fields: {}, terms: { characters: {}, cast: {}, keywords: {} } };
}

/** The later of two registers; equal stamps are broken by value, so the choice never depends on order. */
export function laterReg<T>(a: Reg<T>, b: Reg<T>): Reg<T> {
  if (a.ts !== b.ts) return a.ts > b.ts ? a : b;
  return JSON.stringify(a.v) >= JSON.stringify(b.v) ? a : b;
}

function laterTerm(a: TermReg, b: TermReg): TermReg {
  if (a.ts !== b.ts) return a.ts > b.ts ? a : b;
  if (a.on !== b.on) return a.on ? b : a; // on a tie, the removal wins
  return a.text >= b.text ? a : b;
}

function mergeRecords<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  pick: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = Object.hasOwn(out, key) ? out[key] : undefined;
    setOwn(out, key, mine === undefined ? value : pick(mine, value));
  }
  return out;
}

/**
 * Sets `record[key]` as an own property: keys come from user text and other devices,
 * and a plain assignment of "__proto__" would change the object's prototype instead.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The join of two list entries: every register keeps its later value. */
export function mergeLists(a: SyncList, b: SyncList): SyncList {
  return {
    deleted: laterReg(a.deleted, b.deleted),
    fields: mergeRecords(a.fields, b.fields, laterReg),
    terms: {
      characters: mergeRecords(a.terms.characters, b.terms.characters, laterTerm),
      cast: mergeRecords(a.terms.cast, b.terms.cast, laterTerm),
      keywords: mergeRecords(a.terms.keywords, b.terms.keywords, laterTerm),
    },
  };
}

/** The join of two documents (pure). */
export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  return { lists: mergeRecords(a.lists, b.lists, mergeLists), ...mergeMeta(a, b) };
}

/** The latest stamp anywhere in a list entry. */
export function latestStamp(list: SyncList): Stamp {
  let latest = list.deleted.ts;
  for (const reg of Object.values(list.fields)) if (reg.ts > latest) latest = reg.ts;
  for (const group of SYNC_GROUPS) {
    for (const reg of Object.values(list.terms[group])) if (reg.ts > latest) latest = reg.ts;
  }
  return latest;
}

/** The latest stamp anywhere in a document ('' when it is empty). */
export function docLatestStamp(doc: SyncDoc): Stamp {
  let latest = '';
  for (const list of Object.values(doc.lists)) {
    const ts = latestStamp(list);
    if (ts > latest) latest = ts;
  }
  return latest;
}
