/**
 * What a merged sync document means for this device's database: which watchlists to
 * write and which to delete. Lists keep their own term order; terms that arrived from
 * another device go after them. Unchanged lists are left alone.
 */
import { foldKey, normalizeTerms } from '../../shared/term-text';
import type { ShowLink, Watchlist } from '../../shared/watchlist';
import { SYNC_GROUPS } from './doc';
import { SYNC_FIELDS, type SyncedList } from './view';

/** The part of a watchlist that syncs (of its link, the show's id). */
export function toSynced(list: Watchlist): SyncedList {
  const out = { id: list.id } as SyncedList;
  for (const field of SYNC_FIELDS) (out as Record<string, unknown>)[field] = list[field];
  out.link = list.link && { tvmazeId: list.link.tvmazeId };
  for (const group of SYNC_GROUPS) out[group] = list[group];
  return out;
}

/** What a watchlist that arrived from another device holds of the fields that do not sync. */
const UNSYNCED_DEFAULTS: Omit<Watchlist, keyof SyncedList> = { updatedAt: 0 };

/**
 * The link to store for a synced one: this device's own when it is the same show (with
 * the episode list it fetched), else the show's id with no episodes yet; the background
 * fetches them (`show-refresh.ts` finds the list due at once).
 */
function linkFor(mine: ShowLink | null | undefined, synced: SyncedList['link']): ShowLink | null {
  if (synced === null) return null;
  if (mine && mine.tvmazeId === synced.tvmazeId) return mine;
  return { tvmazeId: synced.tvmazeId, episodes: [], refreshedAt: 0 };
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((t) => set.has(t));
}

function mergedTerms(mine: readonly string[], theirs: readonly string[]): string[] {
  const spelling = new Map(theirs.map((t) => [foldKey(t), t]));
  const kept = mine.filter((t) => spelling.has(foldKey(t))).map((t) => spelling.get(foldKey(t))!);
  return normalizeTerms([...kept, ...theirs]);
}

/** The writes that make `local` show `view`; `now` becomes the changed lists' `updatedAt`. */
export function planApply(
  local: readonly Watchlist[],
  view: readonly SyncedList[],
  now: number,
): { puts: Watchlist[]; deletes: string[] } {
  const byId = new Map(local.map((l) => [l.id, l]));
  const puts: Watchlist[] = [];
  for (const synced of view) {
    const mine = byId.get(synced.id);
    byId.delete(synced.id);
    const own = mine && toSynced(mine);
    const differs =
      !own ||
      SYNC_FIELDS.some((f) => JSON.stringify(own[f]) !== JSON.stringify(synced[f])) ||
      SYNC_GROUPS.some((g) => !sameTerms(own[g], synced[g]));
    if (!differs) continue;
    // The whole record: this device's own fields that do not sync (the episode list) are kept.
    const next: Watchlist = { ...UNSYNCED_DEFAULTS, ...mine, ...synced, link: linkFor(mine?.link, synced.link), updatedAt: now };
    if (mine) for (const group of SYNC_GROUPS) next[group] = mergedTerms(mine[group], synced[group]);
    puts.push(next);
  }
  return { puts, deletes: [...byId.keys()] };
}
