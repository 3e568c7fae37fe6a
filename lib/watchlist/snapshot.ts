/**
 * The compact snapshot of active terms that the background writes to extension storage,
 * so a content script has its terms at document_start without waking the service worker.
 * The database stays the source of truth; this is a cache that readers must validate.
 */
import * as v from 'valibot';
import { isActive, type MatchList, type Watchlist } from './model';

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

const Terms = v.array(v.string());
const Time = v.pipe(v.number(), v.finite());

const SnapshotSchema = v.object({
  v: v.literal(1),
  lists: v.array(
    v.object({
      id: v.string(),
      title: v.string(),
      enabled: v.boolean(),
      matchNameParts: v.boolean(),
      hideUntil: v.optional(v.nullable(Time)),
      characters: Terms,
      cast: Terms,
      keywords: Terms,
    }),
  ),
  nextChange: v.nullable(Time),
});

/** Whether `value` (e.g. read from storage.local) is a well-formed version-1 snapshot. */
export function isTermSnapshot(value: unknown): value is TermSnapshot {
  return v.is(SnapshotSchema, value);
}

/** The snapshot's lists still active at `now`: those past their hide-until date drop out. */
export function activeListsAt(snapshot: TermSnapshot, now: number): MatchList[] {
  return snapshot.lists.filter((list) =>
    isActive({ enabled: list.enabled, hideUntil: list.hideUntil ?? null }, now),
  );
}
