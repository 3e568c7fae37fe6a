/**
 * The compact snapshot of active terms that the background writes to extension storage,
 * so a content script has its terms at document_start without waking the service worker.
 * The database stays the source of truth; this is a cache that readers must validate.
 */
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
}

/** The snapshot of `lists` at time `now`: only active lists, stripped to what matching needs. */
export function buildSnapshot(lists: Watchlist[], now: number): TermSnapshot {
  const active = lists.filter((list) => isActive(list, now));
  const ends = active.flatMap((list) => (list.hideUntil === null ? [] : [list.hideUntil]));
  return {
    v: 1,
    lists: active.map((list) => ({
      id: list.id,
      title: list.title,
      enabled: list.enabled,
      matchNameParts: list.matchNameParts,
      hideUntil: list.hideUntil,
      characters: [...list.characters],
      cast: [...list.cast],
      keywords: [...list.keywords],
    })),
    nextChange: ends.length === 0 ? null : Math.min(...ends),
  };
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isTerms = (x: unknown): x is string[] => Array.isArray(x) && x.every((t) => typeof t === 'string');

function isSnapshotList(x: unknown): x is SnapshotList {
  if (typeof x !== 'object' || x === null) return false;
  const l = x as Record<string, unknown>;
  return (
    typeof l.id === 'string' &&
    typeof l.title === 'string' &&
    typeof l.enabled === 'boolean' &&
    typeof l.matchNameParts === 'boolean' &&
    (l.hideUntil === undefined || l.hideUntil === null || isTime(l.hideUntil)) &&
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
  return snapshot.lists.filter((list) =>
    isActive({ enabled: list.enabled, hideUntil: list.hideUntil ?? null }, now),
  );
}
