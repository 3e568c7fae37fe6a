/**
 * A pure simulation of devices syncing through one shared remote text: each device
 * holds its own watchlists (what its database would), its sync document and clock,
 * and a clock skew. `cycle` is what the background does: record local edits, merge
 * the remote document, adopt the merged lists, write the result back.
 */
import { mergeDocs, emptyDoc, docLatestStamp, type SyncDoc } from '../../../../lib/background/sync/doc';
import { cleanTombstones } from '../../../../lib/background/sync/cleanup';
import { newClock, observe, type Clock } from '../../../../lib/background/sync/hlc';
import { FIELD_DEFAULTS, docView, stampLocal, type SyncedList } from '../../../../lib/background/sync/view';
import { fromWireJson, toWireJson } from '../../../../lib/background/sync/wire';
import { foldKey, normalizeTerms } from '../../../../lib/shared/term-text';
import { SYNC_GROUPS, type SyncGroup } from '../../../../lib/background/sync/doc';

export interface Device {
  name: string;
  lists: SyncedList[];
  doc: SyncDoc;
  clock: Clock;
  skew: number;
}

export interface World {
  devices: Device[];
  remote: string | null;
  time: number;
}

/** Tombstones are removed after 30 days: a run may let weeks pass between steps. */
export const WEEK_MS = 7 * 24 * 60 * 60_000;

export function newWorld(skews: number[]): World {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return {
    devices: skews.map((skew, i) => ({
      name: `d${i}`,
      lists: [],
      doc: emptyDoc(),
      clock: newClock(random, `node0${i}`),
      skew,
    })),
    remote: null,
    time: 1_700_000_000_000,
  };
}

/** One sync cycle on `device`; `push: false` loses its write (a dropped write). */
export function cycle(world: World, device: Device, push = true): void {
  world.time += 1000;
  const now = world.time + device.skew;
  const stamped = stampLocal(device.doc, device.clock, device.lists, now);
  let doc = stamped.doc;
  let clock = stamped.clock;
  if (world.remote !== null) {
    const read = fromWireJson(world.remote);
    if (!read.ok) throw new Error(`remote unreadable: ${read.reason}`);
    doc = mergeDocs(doc, read.doc);
    const latest = docLatestStamp(read.doc);
    if (latest) clock = observe(clock, latest);
  }
  // As the sync layer does once the merged lists are applied.
  doc = cleanTombstones(doc, clock.node, now);
  device.doc = doc;
  device.clock = clock;
  device.lists = adopt(device.lists, docView(doc));
  if (push) world.remote = toWireJson(doc);
}

/** The device's lists after a merge: the merged values, in the device's own term order. */
function adopt(local: SyncedList[], merged: SyncedList[]): SyncedList[] {
  const byId = new Map(local.map((l) => [l.id, l]));
  return merged.map((list) => {
    const mine = byId.get(list.id);
    if (!mine) return list;
    const next = { ...list };
    for (const group of SYNC_GROUPS) {
      const keep = new Map(list[group].map((t) => [foldKey(t), t]));
      const ordered = mine[group].filter((t) => keep.has(foldKey(t))).map((t) => keep.get(foldKey(t))!);
      next[group] = normalizeTerms([...ordered, ...list[group]]);
    }
    return next;
  });
}

/** An edit a user makes on one device. */
export type Edit =
  | { kind: 'create'; id: string; title: string }
  | { kind: 'rename'; index: number; title: string }
  | { kind: 'toggle'; index: number }
  | { kind: 'add'; index: number; group: SyncGroup; term: string }
  | { kind: 'remove'; index: number; group: SyncGroup; pick: number }
  | { kind: 'delete'; index: number }
  | { kind: 'restore'; index: number };

/** What happened across the run, to tell what must survive. */
export interface Ledger {
  created: Set<string>;
  deletedLists: Set<string>;
  /** Lists restored (undo) after a deletion. */
  restored: Set<string>;
  added: Map<string, string>;
  removed: Set<string>;
  trash: Map<string, SyncedList>;
}

export function newLedger(): Ledger {
  return { created: new Set(), deletedLists: new Set(), restored: new Set(), added: new Map(), removed: new Set(), trash: new Map() };
}

const termId = (id: string, group: string, term: string) => `${id}|${group}|${foldKey(term)}`;

/** Applies `edit` on `device` as its database would (unique titles, normalized terms). */
export function applyEdit(device: Device, edit: Edit, ledger: Ledger, now: number): void {
  const titleFree = (title: string, ownId?: string) =>
    !device.lists.some((l) => l.id !== ownId && foldKey(l.title) === foldKey(title));
  if (edit.kind === 'create') {
    if (ledger.created.has(edit.id) || !titleFree(edit.title)) return;
    ledger.created.add(edit.id);
    device.lists.push({
      ...FIELD_DEFAULTS,
      id: edit.id, title: edit.title, enabled: true, matchNameParts: true, hideUntil: null,
      createdAt: now, characters: [], cast: [], keywords: [],
    });
    return;
  }
  if (edit.kind === 'restore') {
    const gone = [...ledger.trash.values()].filter((l) => !device.lists.some((m) => m.id === l.id));
    const list = gone[edit.index % Math.max(1, gone.length)];
    if (!list || !titleFree(list.title, list.id)) return;
    ledger.restored.add(list.id);
    device.lists.push({ ...list });
    return;
  }
  const list = device.lists[edit.index % Math.max(1, device.lists.length)];
  if (!list) return;
  switch (edit.kind) {
    case 'rename':
      if (titleFree(edit.title, list.id)) list.title = edit.title;
      return;
    case 'toggle':
      list.enabled = !list.enabled;
      return;
    case 'add':
      if (!list[edit.group].some((t) => foldKey(t) === foldKey(edit.term))) {
        ledger.added.set(termId(list.id, edit.group, edit.term), edit.term);
      }
      list[edit.group] = normalizeTerms([...list[edit.group], edit.term]);
      return;
    case 'remove': {
      const term = list[edit.group][edit.pick % Math.max(1, list[edit.group].length)];
      if (term === undefined) return;
      ledger.removed.add(termId(list.id, edit.group, term));
      list[edit.group] = list[edit.group].filter((t) => t !== term);
      return;
    }
    case 'delete':
      ledger.deletedLists.add(list.id);
      ledger.trash.set(list.id, { ...list });
      device.lists = device.lists.filter((l) => l !== list);
      return;
  }
}

/** Terms that were added and never removed, in lists never deleted, as `id|group|key`. */
export function mustSurvive(ledger: Ledger): string[] {
  return [...ledger.added.keys()].filter(
    (key) => !ledger.removed.has(key) && !ledger.deletedLists.has(key.split('|')[0]!),
  );
}

/** Every term of `lists` as `id|group|key`. */
export function termIds(lists: SyncedList[]): Set<string> {
  const out = new Set<string>();
  for (const list of lists) {
    for (const group of SYNC_GROUPS) for (const t of list[group]) out.add(termId(list.id, group, t));
  }
  return out;
}

/** Lists in a comparable form: sorted by id, terms as sorted key sets. */
export function canonical(lists: SyncedList[]): unknown {
  return [...lists]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((l) => ({
      ...l,
      characters: [...l.characters].sort(),
      cast: [...l.cast].sort(),
      keywords: [...l.keywords].sort(),
    }));
}
