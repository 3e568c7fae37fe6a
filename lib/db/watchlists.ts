import type { IDBPDatabase } from 'idb';
import type { ImportedWatchlist } from '../format/watchlist-file';
import { TERM_GROUPS, type TermGroup, type Watchlist, type WatchlistDraft, type WatchlistPatch } from '../shared/watchlist';
import { mergeTerms, subtractTerms, titleKey } from '../shared/term-text';
import type { PlotArmorDB, StoredWatchlist } from './schema';
import {
  assertTitleFree,
  checkFlag,
  checkSubscription,
  checkHideUntil,
  checkLink,
  checkMode,
  checkProgress,
  checkTerms,
  checkTitle,
  mustGet,
  toStored,
  toWatchlist,
} from './watchlist-record';
import { inWriteTx } from './write-tx';

export { WatchlistError, type WatchlistErrorCode } from './watchlist-error';

type Db = IDBPDatabase<PlotArmorDB>;

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** All watchlists, sorted by title (case-insensitive). */
export async function listWatchlists(db: Db): Promise<Watchlist[]> {
  const stored = await db.getAll('watchlists');
  return stored
    .map(toWatchlist)
    .sort((a, b) => byTitle.compare(a.title, b.title) || compareCodeUnits(a.title, b.title));
}

/** The watchlist with `id`, if any. */
export async function getWatchlist(db: Db, id: string): Promise<Watchlist | undefined> {
  const stored = await db.get('watchlists', id);
  return stored && toWatchlist(stored);
}

/** Creates a watchlist; rejects an empty or already used title with a `WatchlistError`. */
export async function createWatchlist(db: Db, draft: WatchlistDraft): Promise<Watchlist> {
  const now = Date.now();
  const list = fromDraft(draft, crypto.randomUUID(), now);
  return inWriteTx(db, 'watchlists', async (tx) => {
    await assertTitleFree(tx.store, list.title);
    await tx.store.add(toStored(list));
    return list;
  });
}

/**
 * Changes the given fields of a watchlist in one read-modify-write transaction, so a
 * concurrent change to other fields is never overwritten.
 */
export async function updateWatchlist(
  db: Db,
  id: string,
  patch: WatchlistPatch,
): Promise<Watchlist> {
  const changes = checkPatch(patch);
  return inWriteTx(db, 'watchlists', async (tx) => {
    const current = toWatchlist(await mustGet(tx.store, id));
    if (changes.title !== undefined) await assertTitleFree(tx.store, changes.title, id);
    const next: Watchlist = { ...current, ...changes, updatedAt: Date.now() };
    await tx.store.put(toStored(next));
    return next;
  });
}

/** Adds terms to one group of a watchlist (normalized, without duplicates). */
export async function addTerms(
  db: Db,
  id: string,
  group: TermGroup,
  terms: string[],
): Promise<Watchlist> {
  const added = checkTerms(terms, group);
  return changeTerms(db, id, group, (current) => mergeTerms(current, added));
}

/** Removes terms (compared case-insensitively) from one group of a watchlist. */
export async function removeTerms(
  db: Db,
  id: string,
  group: TermGroup,
  terms: string[],
): Promise<Watchlist> {
  const removed = checkTerms(terms, group);
  return changeTerms(db, id, group, (current) => subtractTerms(current, removed));
}

/** Deletes a watchlist and returns it (for undo); undefined if it was not there. */
export function deleteWatchlist(db: Db, id: string): Promise<Watchlist | undefined> {
  return inWriteTx(db, 'watchlists', async (tx) => {
    const stored = await tx.store.get(id);
    if (!stored) return undefined;
    await tx.store.delete(id);
    return toWatchlist(stored);
  });
}

/** Puts back a deleted watchlist as it was (same id); refuses if its title is now taken. */
export async function restoreWatchlist(db: Db, list: Watchlist): Promise<Watchlist> {
  const restored: Watchlist = {
    ...fromDraft(list, list.id, list.createdAt),
    // A subscribed list comes back subscribed, with the file's terms it had.
    ...(list.subscription ? { subscription: checkSubscription(list.subscription) } : {}),
    updatedAt: list.updatedAt,
  };
  return inWriteTx(db, 'watchlists', async (tx) => {
    await assertTitleFree(tx.store, restored.title, restored.id);
    await tx.store.put(toStored(restored));
    return restored;
  });
}

/**
 * Imports watchlists in ONE transaction: a list whose title (case-insensitive) is already
 * stored gets the new terms merged in (its own settings are kept), others are added.
 * Any invalid entry aborts the whole import, leaving the database unchanged.
 *
 * The stored lists are read once, and every write is issued without waiting for the one
 * before: a round trip per imported list made ten thousand lists take seconds.
 */
export async function importWatchlists(
  db: Db,
  lists: ImportedWatchlist[],
): Promise<{ added: number; merged: number }> {
  const now = Date.now();
  return inWriteTx(db, 'watchlists', async (tx) => {
    const byKey = new Map<string, StoredWatchlist>();
    for (const stored of await tx.store.getAll()) byKey.set(stored.titleKey, stored);
    const added = new Set<StoredWatchlist>();
    /** Stored lists this import merges into (by id), as copies; `changed`: those that gained terms. */
    const merged = new Map<string, StoredWatchlist>();
    const changed = new Set<StoredWatchlist>();
    for (const entry of lists) {
      // Validated inside the transaction on purpose: a bad entry after good ones still
      // rolls back the good ones.
      const incoming = toStored(fromDraft(entry, crypto.randomUUID(), now));
      const existing = byKey.get(incoming.titleKey);
      if (!existing) {
        byKey.set(incoming.titleKey, incoming);
        added.add(incoming);
        continue;
      }
      // A list this import adds is its own to change; a stored one is copied once.
      const isNew = added.has(existing);
      const next = isNew ? existing : (merged.get(existing.id) ?? { ...existing });
      if (!isNew) merged.set(next.id, next);
      for (const group of TERM_GROUPS) {
        const terms = mergeTerms(next[group], incoming[group]);
        if (terms.length === next[group].length) continue;
        next[group] = terms;
        if (!isNew) changed.add(next);
      }
      // Exceptions add up like terms; a link or progress fills in only what the list lacks.
      const exceptions = mergeTerms(next.exceptions, incoming.exceptions);
      const link = next.link ?? incoming.link;
      const progress = next.progress ?? incoming.progress;
      if (exceptions.length !== next.exceptions.length || link !== next.link || progress !== next.progress) {
        Object.assign(next, { exceptions, link, progress });
        if (!isNew) changed.add(next);
      }
    }
    for (const next of changed) next.updatedAt = now;
    await Promise.all([
      ...[...added].map((record) => tx.store.add(record)),
      ...[...changed].map((record) => tx.store.put(record)),
    ]);
    return { added: added.size, merged: merged.size };
  });
}

function changeTerms(
  db: Db,
  id: string,
  group: TermGroup,
  change: (current: string[]) => string[],
): Promise<Watchlist> {
  return inWriteTx(db, 'watchlists', async (tx) => {
    const current = toWatchlist(await mustGet(tx.store, id));
    const next: Watchlist = { ...current, [group]: change(current[group]), updatedAt: Date.now() };
    await tx.store.put(toStored(next));
    return next;
  });
}

function fromDraft(draft: WatchlistDraft, id: string, now: number): Watchlist {
  return {
    id,
    title: checkTitle(draft.title),
    enabled: checkFlag(draft.enabled ?? true, 'enabled'),
    matchNameParts: checkFlag(draft.matchNameParts ?? true, 'matchNameParts'),
    hideUntil: checkHideUntil(draft.hideUntil ?? null),
    characters: checkTerms(draft.characters ?? [], 'characters'),
    cast: checkTerms(draft.cast ?? [], 'cast'),
    keywords: checkTerms(draft.keywords ?? [], 'keywords'),
    link: checkLink(draft.link ?? null),
    progress: checkProgress(draft.progress ?? null),
    mode: checkMode(draft.mode ?? 'everything'),
    exceptions: checkTerms(draft.exceptions ?? [], 'exceptions'),
    onlyWhileBehind: checkFlag(draft.onlyWhileBehind ?? false, 'onlyWhileBehind'),
    createdAt: now,
    updatedAt: now,
  };
}

function checkPatch(patch: WatchlistPatch): Partial<Watchlist> {
  const out: Partial<Watchlist> = {};
  if (patch.title !== undefined) out.title = checkTitle(patch.title);
  if (patch.enabled !== undefined) out.enabled = checkFlag(patch.enabled, 'enabled');
  if (patch.matchNameParts !== undefined) {
    out.matchNameParts = checkFlag(patch.matchNameParts, 'matchNameParts');
  }
  if (patch.hideUntil !== undefined) out.hideUntil = checkHideUntil(patch.hideUntil);
  if (patch.link !== undefined) out.link = checkLink(patch.link);
  if (patch.progress !== undefined) out.progress = checkProgress(patch.progress);
  if (patch.mode !== undefined) out.mode = checkMode(patch.mode);
  if (patch.exceptions !== undefined) out.exceptions = checkTerms(patch.exceptions, 'exceptions');
  if (patch.onlyWhileBehind !== undefined) out.onlyWhileBehind = checkFlag(patch.onlyWhileBehind, 'onlyWhileBehind');
  for (const group of TERM_GROUPS) {
    const terms = patch[group];
    if (terms !== undefined) out[group] = checkTerms(terms, group);
  }
  return out;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
