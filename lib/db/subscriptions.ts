/**
 * Subscribed watchlists in the database. A fetched file is applied in one transaction:
 * each list of the file updates the watchlist that follows it (only the file's terms,
 * kept in `subscription.terms`; the user's own terms, exceptions and settings stay), or
 * becomes a new watchlist. A failed fetch only notes the problem: nothing else changes.
 */
import type { IDBPDatabase } from 'idb';
import type { ImportedWatchlist } from '../format/watchlist-file';
import { problem, type Problem } from '../shared/problem';
import { hidingTerms } from '../shared/subscription';
import { titleKey } from '../shared/term-text';
import type { Subscription, Watchlist } from '../shared/watchlist';
import type { PlotArmorDB, StoredWatchlist } from './schema';
import { mustGet, toStored, toWatchlist } from './watchlist-record';
import { inWriteTx } from './write-tx';

type Db = IDBPDatabase<PlotArmorDB>;

/** What an applied file changed, by watchlist title. */
export interface SubscriptionResult {
  added: string[];
  updated: string[];
  /** Lists following this file whose list is no longer in it (kept, with their last terms). */
  missing: string[];
}

/** One subscribed address and how its last attempt went. */
export interface SubscribedFile {
  url: string;
  /** The earliest last attempt among the lists following it. */
  checkedAt: number;
  problem: Problem | null;
  titles: string[];
}

/** Every subscribed address, once each. */
export async function listSubscribedFiles(db: Db): Promise<SubscribedFile[]> {
  const files = new Map<string, SubscribedFile>();
  for (const stored of await db.getAll('watchlists')) {
    const sub = stored.subscription;
    if (!sub) continue;
    const file = files.get(sub.url);
    if (!file) {
      files.set(sub.url, { url: sub.url, checkedAt: sub.checkedAt, problem: sub.problem, titles: [stored.title] });
      continue;
    }
    file.checkedAt = Math.min(file.checkedAt, sub.checkedAt);
    file.problem ??= sub.problem;
    file.titles.push(stored.title);
  }
  return [...files.values()];
}

function freeTitle(title: string, taken: Map<string, StoredWatchlist>): string {
  let candidate = title;
  for (let n = 2; taken.has(titleKey(candidate)); n++) candidate = `${title} (${n})`;
  return candidate;
}

/**
 * Applies the lists of the file at `url` (already validated as an import is): updates
 * the watchlists following it, adopts a stored list of the same title that follows no
 * file (its own terms stay its own), and adds the others. One transaction.
 */
export function applySubscription(db: Db, url: string, lists: readonly ImportedWatchlist[], now: number): Promise<SubscriptionResult> {
  return inWriteTx(db, 'watchlists', async (tx) => {
    const stored = await tx.store.getAll();
    const byTitle = new Map(stored.map((s) => [s.titleKey, s]));
    const following = new Map<string, StoredWatchlist>();
    for (const s of stored) if (s.subscription?.url === url) following.set(titleKey(s.subscription.source), s);
    const result: SubscriptionResult = { added: [], updated: [], missing: [] };
    const writes: Promise<unknown>[] = [];
    const seen = new Set<string>();
    for (const entry of lists) {
      const key = titleKey(entry.title);
      seen.add(key);
      const subscription: Subscription = {
        url,
        source: entry.title,
        terms: { characters: entry.characters, cast: entry.cast, keywords: entry.keywords },
        updatedAt: now,
        checkedAt: now,
        problem: null,
      };
      const mine = following.get(key) ?? (byTitle.get(key)?.subscription ? undefined : byTitle.get(key));
      if (mine) {
        writes.push(tx.store.put({ ...mine, subscription, updatedAt: now }));
        result.updated.push(mine.title);
        continue;
      }
      const title = freeTitle(entry.title, byTitle);
      const list: Watchlist = {
        id: crypto.randomUUID(),
        title,
        enabled: entry.enabled,
        matchNameParts: entry.matchNameParts,
        hideUntil: entry.hideUntil,
        characters: [],
        cast: [],
        keywords: [],
        // Where the viewer is in the show is theirs to set, not the file's.
        link: null,
        progress: null,
        mode: 'everything',
        exceptions: [],
        onlyWhileBehind: false,
        subscription,
        createdAt: now,
        updatedAt: now,
      };
      const record = toStored(list);
      byTitle.set(record.titleKey, record);
      writes.push(tx.store.add(record));
      result.added.push(title);
    }
    for (const [key, s] of following) {
      if (seen.has(key) || !s.subscription) continue;
      const missing = problem('subscription-list-missing', s.subscription.source);
      writes.push(tx.store.put({ ...s, subscription: { ...s.subscription, checkedAt: now, problem: missing }, updatedAt: now }));
      result.missing.push(s.title);
    }
    await Promise.all(writes);
    return result;
  });
}

/** Notes why fetching `url` failed on every list following it; their terms stay as they were. */
export function noteSubscriptionProblem(db: Db, url: string, why: Problem, now: number): Promise<number> {
  return inWriteTx(db, 'watchlists', async (tx) => {
    const following = (await tx.store.getAll()).filter((s) => s.subscription?.url === url);
    await Promise.all(
      following.map((s) => tx.store.put({ ...s, subscription: { ...s.subscription!, checkedAt: now, problem: why }, updatedAt: now })),
    );
    return following.length;
  });
}

/** Stops following the file; the list keeps a copy of the file's terms as its own. */
export function unsubscribe(db: Db, id: string, now: number): Promise<Watchlist> {
  return inWriteTx(db, 'watchlists', async (tx) => {
    const current = toWatchlist(await mustGet(tx.store, id));
    const next: Watchlist = { ...current, ...hidingTerms(current), subscription: null, updatedAt: now };
    await tx.store.put(toStored(next));
    return next;
  });
}
