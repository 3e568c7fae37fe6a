/**
 * Between the device's own watchlists and the sync document: `stampLocal` records
 * what changed on this device since the document last matched it (one new stamp for
 * the whole change), and `docView` reads the document back as watchlists.
 */
import { cleanText, foldKey, normalizeTerms } from '../../shared/term-text';
import type { Watchlist } from '../../shared/watchlist';
import {
  emptyList,
  setOwn,
  SYNC_GROUPS,
  type Json,
  type SyncDoc,
  type SyncList,
} from './doc';
import { tick, type Clock, type Stamp } from './hlc';

/**
 * The fields of a watchlist that sync, besides its terms: its settings, and where the
 * viewer is in the show (link, progress, mode, exceptions, only-while-behind), so their
 * progress is the same on every device.
 */
export const SYNC_FIELDS = [
  'title',
  'enabled',
  'matchNameParts',
  'hideUntil',
  'createdAt',
  'link',
  'progress',
  'mode',
  'exceptions',
  'onlyWhileBehind',
] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

/**
 * The fields that began to sync after the first version of the document: a device that
 * synced before then kept other devices' registers of them in its copy without applying
 * them, so that copy says nothing of what this device's own values were (see `forgetLateFields`).
 */
export const LATE_FIELDS: readonly SyncField[] = ['link', 'progress', 'mode', 'exceptions', 'onlyWhileBehind'];
/** The set of synced fields the stored document was last matched against (2: with `LATE_FIELDS`). */
export const SYNC_FIELD_SET = 2;

/**
 * A link as it syncs: the show's id alone. Each device fetches the episode list itself
 * (hundreds of episodes would not fit storage.sync's quota).
 */
export interface SyncedLink {
  tvmazeId: number;
}

/** What sync knows of a watchlist: its id, synced fields and terms. */
export type SyncedList = Pick<Watchlist, 'id' | Exclude<SyncField, 'link'> | (typeof SYNC_GROUPS)[number]> & {
  link: SyncedLink | null;
};

const isCount = (v: unknown, min: number): v is number => Number.isInteger(v) && (v as number) >= min;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each field's check and the value it reads as (extra keys another version may add are dropped). */
const FIELD_READS: { [K in SyncField]: (value: Json | undefined) => SyncedList[K] | undefined } = {
  title: (v) => (typeof v === 'string' && cleanText(v) !== '' ? v : undefined),
  enabled: (v) => (typeof v === 'boolean' ? v : undefined),
  matchNameParts: (v) => (typeof v === 'boolean' ? v : undefined),
  hideUntil: (v) => (v === null || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined),
  createdAt: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined),
  link: (v) => (v === null ? null : isRecord(v) && isCount(v.tvmazeId, 1) ? { tvmazeId: v.tvmazeId } : undefined),
  progress: (v) =>
    v === null ? null : isRecord(v) && isCount(v.season, 1) && isCount(v.episode, 0) ? { season: v.season, episode: v.episode } : undefined,
  mode: (v) => (v === 'everything' || v === 'past-progress' ? v : undefined),
  exceptions: (v) => (Array.isArray(v) && v.every((t) => typeof t === 'string') ? normalizeTerms(v as string[]) : undefined),
  onlyWhileBehind: (v) => (typeof v === 'boolean' ? v : undefined),
};

/** What a field reads as when no device has set it (a list made before it synced, or never changed). */
export const FIELD_DEFAULTS: { [K in SyncField]: SyncedList[K] } = {
  title: 'Untitled',
  enabled: true,
  matchNameParts: true,
  hideUntil: null,
  createdAt: 0,
  link: null,
  progress: null,
  mode: 'everything',
  exceptions: [],
  onlyWhileBehind: false,
};

function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldValue<K extends SyncField>(entry: SyncList, field: K): SyncedList[K] {
  const value = Object.hasOwn(entry.fields, field) ? entry.fields[field]?.v : undefined;
  return (FIELD_READS[field](value) ?? FIELD_DEFAULTS[field]) as SyncedList[K];
}

/** One live list entry as a watchlist (terms in stamp order, then alphabetically). */
export function listView(id: string, entry: SyncList): SyncedList {
  const list = { id } as SyncedList;
  for (const field of SYNC_FIELDS) (list as Record<SyncField, unknown>)[field] = fieldValue(entry, field);
  list.title = cleanText(list.title);
  for (const group of SYNC_GROUPS) {
    list[group] = Object.values(entry.terms[group])
      .filter((reg) => reg.on)
      .sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .map((reg) => reg.text);
  }
  return list;
}

/**
 * The live watchlists of a document, with unique titles: when two devices gave lists
 * the same title, the later-created one is shown as "Title (2)" (the same choice on
 * every device, since it depends on the document alone).
 */
export function docView(doc: SyncDoc): SyncedList[] {
  const lists = Object.entries(doc.lists)
    .filter(([, entry]) => !entry.deleted.v)
    .map(([id, entry]) => listView(id, entry))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>();
  for (const list of lists) {
    const base = list.title;
    let title = base;
    for (let n = 2; taken.has(foldKey(title)); n++) title = `${base} (${n})`;
    taken.add(foldKey(title));
    list.title = title;
  }
  return lists;
}

/**
 * Records the difference between `lists` (this device's watchlists now) and the
 * document as a local edit: changed fields and terms get one new stamp, lists gone
 * from `lists` get a tombstone. Returns the document unchanged when nothing differs.
 */
export function stampLocal(
  doc: SyncDoc,
  clock: Clock,
  lists: readonly SyncedList[],
  now: number,
): { doc: SyncDoc; clock: Clock; changed: boolean } {
  let stamp: Stamp | null = null;
  let nextClock = clock;
  const ts = (): Stamp => {
    if (stamp === null) ({ stamp, clock: nextClock } = tick(clock, now));
    return stamp;
  };
  const out: SyncDoc = { ...doc, lists: { ...doc.lists } };
  const touch = (id: string): SyncList => {
    const current = Object.hasOwn(out.lists, id) ? out.lists[id] : undefined;
    const copy: SyncList = current
      ? {
          deleted: current.deleted,
          fields: { ...current.fields },
          terms: {
            characters: { ...current.terms.characters },
            cast: { ...current.terms.cast },
            keywords: { ...current.terms.keywords },
          },
        }
      : emptyList(ts());
    setOwn(out.lists, id, copy);
    return copy;
  };

  const localIds = new Set<string>();
  for (const list of lists) {
    localIds.add(list.id);
    const before = Object.hasOwn(doc.lists, list.id) ? doc.lists[list.id] : undefined;
    let entry: SyncList | null = null;
    const edit = () => (entry ??= touch(list.id));
    if (!before || before.deleted.v) edit().deleted = { ts: ts(), v: false };
    for (const field of SYNC_FIELDS) {
      const value = list[field] as Json;
      const reg = before && Object.hasOwn(before.fields, field) ? before.fields[field] : undefined;
      // A field no device has set reads as its default: leaving it unset is no edit (and
      // stamping it would override a register another device wrote that this copy lacks).
      if (!reg && sameJson(FIELD_DEFAULTS[field] as Json, value)) continue;
      if (!reg || !sameJson(reg.v, value)) setOwn(edit().fields, field, { ts: ts(), v: value });
    }
    for (const group of SYNC_GROUPS) {
      const regs = before?.terms[group] ?? {};
      const keys = new Set<string>();
      for (const text of list[group]) {
        const key = foldKey(text);
        keys.add(key);
        const reg = Object.hasOwn(regs, key) ? regs[key] : undefined;
        if (!reg || !reg.on || reg.text !== text) {
          setOwn(edit().terms[group], key, { ts: ts(), text, on: true });
        }
      }
      for (const [key, reg] of Object.entries(regs)) {
        if (reg.on && !keys.has(key)) setOwn(edit().terms[group], key, { ts: ts(), text: reg.text, on: false });
      }
    }
  }
  for (const [id, entry] of Object.entries(doc.lists)) {
    if (!entry.deleted.v && !localIds.has(id)) touch(id).deleted = { ts: ts(), v: true };
  }
  if (stamp === null) return { doc, clock, changed: false };
  return { doc: out, clock: nextClock, changed: true };
}

/**
 * The document without its registers of `LATE_FIELDS`, for a copy stored by a version
 * that did not sync them: that version kept other devices' registers of them
 * without applying them to its lists, so comparing its lists with them would read every
 * difference as this device's edit, and undo another device's progress. Without them,
 * this device's values that differ from the default are stamped as its own, and the
 * other devices' registers arrive again with the remote copy.
 */
export function forgetLateFields(doc: SyncDoc): SyncDoc {
  const lists: Record<string, SyncList> = {};
  for (const [id, entry] of Object.entries(doc.lists)) {
    const fields: Record<string, SyncList['fields'][string]> = {};
    for (const [name, reg] of Object.entries(entry.fields)) {
      if (!(LATE_FIELDS as readonly string[]).includes(name)) setOwn(fields, name, reg);
    }
    setOwn(lists, id, { ...entry, fields });
  }
  return { ...doc, lists };
}
