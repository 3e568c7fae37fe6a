import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { cleanText, normalizeTerms, titleKey } from '../shared/term-text';
import type { PlotArmorDB, StoredWatchlist, StoredWatchlistV2, WatchlistV1 } from './schema';

type UpgradeTx = IDBPTransaction<PlotArmorDB, StoreNames<PlotArmorDB>[], 'versionchange'>;

/**
 * Brings a database at `oldVersion` to `DB_VERSION`, one step per version. Runs inside
 * the versionchange transaction; a failing step aborts it, so the old data stays as it was.
 */
export function upgradePlotArmorDb(
  db: IDBPDatabase<PlotArmorDB>,
  oldVersion: number,
  tx: UpgradeTx,
): void {
  if (oldVersion < 1) {
    // Version 1 had only the watchlists store (no title index yet).
    db.createObjectStore('watchlists', { keyPath: 'id' });
  }
  // Record rewrites walk the store one after the other (two cursors at once would race).
  const rewrites: Array<() => Promise<void>> = [];
  if (oldVersion < 2) {
    db.createObjectStore('settings');
    db.createObjectStore('pausedSites', { keyPath: 'host' });
    const store = tx.objectStore('watchlists');
    store.createIndex('by-title-key', 'titleKey', { unique: true });
    rewrites.push(() => fillV2Fields(tx));
  }
  if (oldVersion < 3) {
    // The sync state starts empty: the first sync records every list as this device's edit.
    db.createObjectStore('sync');
  }
  if (oldVersion < 4) rewrites.push(() => fillEpisodeFields(tx));
  // The upgrade callback is not awaited by idb; an error must abort the transaction
  // (so openDB rejects and nothing changes) rather than become an unhandled rejection.
  rewrites
    .reduce((done, step) => done.then(step), Promise.resolve())
    .catch(() => {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
    });
}

/**
 * Version 4 step: every watchlist gets the episode fields, as "hide everything" with no
 * link, no progress, no exceptions, so it hides exactly what it hid before.
 */
async function fillEpisodeFields(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore('watchlists').openCursor();
  while (cursor) {
    const old = cursor.value as Partial<StoredWatchlist>;
    await cursor.update({
      ...(old as StoredWatchlist),
      link: old.link ?? null,
      progress: old.progress ?? null,
      mode: old.mode === 'past-progress' ? 'past-progress' : 'everything',
      exceptions: Array.isArray(old.exceptions) ? old.exceptions : [],
      onlyWhileBehind: old.onlyWhileBehind === true,
    });
    cursor = await cursor.continue();
  }
}

/** Version 2 step: fills `titleKey`, `matchNameParts` and `hideUntil` on every record. */
async function fillV2Fields(tx: UpgradeTx): Promise<void> {
  const seen = new Set<string>();
  let cursor = await tx.objectStore('watchlists').openCursor();
  while (cursor) {
    const upgraded = upgradeRecord(cursor.value as unknown as Partial<WatchlistV1>, seen);
    await cursor.update(upgraded as StoredWatchlist); // completed by the version-4 step
    cursor = await cursor.continue();
  }
}

function upgradeRecord(old: Partial<WatchlistV1>, seen: Set<string>): StoredWatchlistV2 {
  // Version 1 did not enforce unique titles; rename a clash ("Dark (2)") rather than
  // merge or drop it, so no user data is lost and the unique index can be built.
  const base = cleanText(typeof old.title === 'string' ? old.title : '') || 'Untitled';
  let title = base;
  for (let n = 2; seen.has(titleKey(title)); n++) title = `${base} (${n})`;
  seen.add(titleKey(title));
  const now = Date.now();
  return {
    id: String(old.id),
    title,
    titleKey: titleKey(title),
    enabled: old.enabled !== false,
    matchNameParts: true,
    hideUntil: null,
    characters: stringList(old.characters),
    cast: stringList(old.cast),
    keywords: stringList(old.keywords),
    createdAt: typeof old.createdAt === 'number' ? old.createdAt : now,
    updatedAt: typeof old.updatedAt === 'number' ? old.updatedAt : now,
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? normalizeTerms(value.filter((v): v is string => typeof v === 'string'))
    : [];
}
