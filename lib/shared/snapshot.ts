/**
 * The compact snapshot of active terms that the background writes to extension storage,
 * so a content script has its terms at document_start without waking the service worker.
 * The database stays the source of truth; this is a cache that readers must validate.
 */
import { hidingTerms } from './subscription';
import { isActive, type MatchList, type Watchlist } from './watchlist';

/**
 * A list in a snapshot: the matcher's fields plus its hide-until time, so a reader can
 * drop it once that time passes without waiting for a new snapshot (optional for
 * hand-made snapshots; absent means no end).
 */
export type SnapshotList = MatchList & { hideUntil?: number | null };

/** Version 1 of the stored snapshot. */
export interface TermSnapshot {
  v: 1;
  /** The lists active when the snapshot was built. */
  lists: SnapshotList[];
  /** Earliest future `hideUntil` of those lists (epoch ms): when the active set next changes. */
  nextChange: number | null;
  /**
   * The lists' forms, collected once here rather than in every frame (stored-forms.ts);
   * absent (or null) when there are too many: then each content script collects them.
   */
  forms?: StoredForms | null;
}

/** Forms as stored in the snapshot (built and read by lib/match/stored-forms.ts). */
export interface StoredForms {
  /** The distinct forms, sorted, joined by line breaks. */
  texts: string;
  /** The owners of form p are entries start[p] … start[p + 1] − 1. */
  start: number[];
  /** Per entry: the owning list's index × 2, + 1 when that list needs a capital. */
  owners: number[];
}

/**
 * The snapshot of `lists` at time `now`: only active lists, stripped to what matching
 * needs; `forms` collects their forms (the background passes lib/match's `storeForms`).
 */
export function buildSnapshot(
  lists: Watchlist[],
  now: number,
  forms: (lists: readonly MatchList[]) => StoredForms | null = () => null,
): TermSnapshot {
  const active = lists.filter((list) => isActive(list, now));
  const ends = active.flatMap((list) => (list.hideUntil === null ? [] : [list.hideUntil]));
  const stripped = active.map((list) => ({
    id: list.id,
    title: list.title,
    enabled: list.enabled,
    matchNameParts: list.matchNameParts,
    hideUntil: list.hideUntil,
    // A subscribed list hides with the file's terms as well as the user's own.
    ...hidingTerms(list),
  }));
  return { v: 1, lists: stripped, nextChange: ends.length === 0 ? null : Math.min(...ends), forms: forms(stripped) };
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
    isTerms(l.characters) &&
    isTerms(l.cast) &&
    isTerms(l.keywords)
  );
}

/**
 * Whether `value` (e.g. read from storage.local) is a well-formed version-1 snapshot.
 * Hand-written rather than a schema: it runs in every frame at document_start, where
 * the content script's size and start-up time count.
 */
export function isTermSnapshot(value: unknown): value is TermSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s.v === 1 &&
    Array.isArray(s.lists) &&
    s.lists.every(isSnapshotList) &&
    (s.nextChange === null || isTime(s.nextChange))
  );
}

/** The snapshot's lists still active at `now`: those past their hide-until date drop out. */
export function activeListsAt(snapshot: TermSnapshot, now: number): MatchList[] {
  return snapshot.lists.filter((list) => isActive(list, now));
}

