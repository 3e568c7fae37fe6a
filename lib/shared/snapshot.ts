/**
 * The compact snapshot of active terms that the background writes to extension storage,
 * so a content script has its terms at document_start without waking the service worker.
 * The database stays the source of truth; this is a cache that readers must validate.
 */
import { boundaryOf, isBehind, nextAiring } from './episodes';
import { hidingTerms } from './subscription';
import { isActive, type EpisodeBoundary, type MatchList, type Watchlist } from './watchlist';

/**
 * A list in a snapshot: the matcher's fields (with its boundary and exceptions when it
 * has them) plus the times between which it hides, so a reader can take it in or drop it
 * without waiting for a new snapshot: `from`, when an episode airs that a list set to
 * hide only while the viewer is behind waits for, and `hideUntil` (both optional for
 * hand-made snapshots; absent means no start and no end).
 */
export type SnapshotList = MatchList & { hideUntil?: number | null; from?: number };

/**
 * Version 2 of the stored snapshot (version 1 had no boundaries, exceptions or `from`;
 * readers accept both, so a page open across an update keeps working).
 */
export interface TermSnapshot {
  v: 1 | 2;
  /** The lists active when the snapshot was built, or waiting for an episode to air. */
  lists: SnapshotList[];
  /** Earliest future `hideUntil` or `from` of those lists (epoch ms): when the active set next changes. */
  nextChange: number | null;
  /**
   * The lists' forms, collected once here rather than in every frame (stored-forms.ts);
   * absent (or null) when they do not fit: then each content script collects them.
   */
  forms?: StoredForms | null;
}

/** Forms as stored in the snapshot (built and read by lib/match/stored-forms.ts). */
export interface StoredForms {
  /** The distinct forms, sorted, joined by line breaks. */
  texts: string;
  /** Each form's first owner, in the forms' order: the list owning it and its role bits, as text. */
  owners: string;
  /** The owners after the first of forms several lists own: form index, then owner, and so on. */
  more: number[];
  /** How many lists own any form. */
  wanted: number;
}

/** The snapshot of `lists` at time `now`: only active lists, stripped to what matching needs. */
export function buildSnapshot(lists: Watchlist[], now: number): TermSnapshot {
  const out: SnapshotList[] = [];
  const changes: number[] = [];
  for (const list of lists) {
    if (!isActive(list, now)) continue;
    let from: number | null = null;
    if (list.mode === 'everything' && list.onlyWhileBehind && !isBehind(list, now)) {
      // Caught up: nothing to hide until the next episode airs (if one is announced).
      from = nextAiring(list, now);
      if (from === null || (list.hideUntil !== null && from >= list.hideUntil)) continue;
      changes.push(from);
    }
    if (list.hideUntil !== null) changes.push(list.hideUntil);
    const entry: SnapshotList = {
      id: list.id,
      title: list.title,
      enabled: list.enabled,
      matchNameParts: list.matchNameParts,
      hideUntil: list.hideUntil,
      // A subscribed list hides with the file's terms as well as the user's own.
      ...hidingTerms(list),
    };
    const boundary = boundaryOf(list);
    if (boundary) entry.boundary = boundary;
    if (list.exceptions.length > 0) entry.exceptions = [...list.exceptions];
    if (from !== null) entry.from = from;
    out.push(entry);
  }
  // The forms are the publisher's to add: only it knows which lists fit (lib/background/publish.ts).
  return { v: 2, lists: out, nextChange: changes.length === 0 ? null : Math.min(...changes), forms: null };
}

// Number.isFinite is false for anything that is not a number.
const isTime = Number.isFinite as (x: unknown) => x is number;
const isTerms = (x: unknown): x is string[] => Array.isArray(x) && x.every((t) => typeof t === 'string');

function isSnapshotList(x: unknown): x is SnapshotList {
  if (typeof x !== 'object' || x === null) return false;
  const l = x as Record<string, unknown>;
  return (
    typeof l.id === 'string' &&
    typeof l.title === 'string' &&
    typeof l.enabled === 'boolean' &&
    typeof l.matchNameParts === 'boolean' &&
    (l.hideUntil == null || isTime(l.hideUntil)) &&
    // What the term lists hold is checked where they are read (`hasTextTerms`): every
    // frame reads the snapshot, few compile from its lists (stored-forms.ts).
    Array.isArray(l.characters) &&
    Array.isArray(l.cast) &&
    Array.isArray(l.keywords) &&
    (l.from === undefined || isTime(l.from)) &&
    (l.exceptions === undefined || isTerms(l.exceptions)) &&
    (l.boundary == null || isBoundary(l.boundary))
  );
}

/** Whether every term of a snapshot's list is text (`isTermSnapshot` only checks the lists are arrays). */
export const hasTextTerms = (l: MatchList): boolean => isTerms(l.characters) && isTerms(l.cast) && isTerms(l.keywords);

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function isBoundary(x: unknown): x is EpisodeBoundary {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Record<string, unknown>;
  return (
    isCount(b.season) &&
    isCount(b.episode) &&
    Array.isArray(b.counts) &&
    b.counts.every(isCount) &&
    isTerms(b.titles) &&
    isTerms(b.plainTitles)
  );
}

/**
 * Whether `value` (e.g. read from storage.local) is a well-formed snapshot (version 1 or 2).
 * Hand-written rather than a schema: it runs in every frame at document_start, where
 * the content script's size and start-up time count.
 */
export function isTermSnapshot(value: unknown): value is TermSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    (s.v === 1 || s.v === 2) &&
    Array.isArray(s.lists) &&
    s.lists.every(isSnapshotList) &&
    (s.nextChange === null || isTime(s.nextChange))
  );
}

/**
 * The snapshot's lists active at `now`: those past their hide-until date drop out, those
 * waiting for an episode to air come in once it has.
 */
export function activeListsAt(snapshot: TermSnapshot, now: number): MatchList[] {
  return snapshot.lists.filter((list) => isActive(list, now) && !(list.from! > now));
}

