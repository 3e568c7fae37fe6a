import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { getSettings, listPausedSites } from '../db/settings';
import type { Settings } from '../shared/settings';
import { listWatchlists } from '../db/watchlists';
import { pageStateItems } from '../shared/page-state';
import type { WordTemplates } from '../shared/page-words';
import { buildSnapshot } from '../shared/snapshot';
import { storeForms } from '../match/stored-forms';
import { fitLists, jsonBytes, SNAPSHOT_BUDGET } from '../shared/snapshot-budget';
import { readPublishReport, writePublishReport } from '../db/publish-report';

/** What content scripts read, and the active lists too large to be part of it. */
export interface PublishedState {
  settings: Settings;
  items: Record<string, unknown>;
  /** Titles of active lists left out of the snapshot (see `snapshot-budget.ts`). */
  leftOut: string[];
}

/**
 * What content scripts read (terms snapshot, paused sites, settings), from the database,
 * with the words they write into pages when given.
 */
export async function pageStateFromDb(
  db: IDBPDatabase<PlotArmorDB>,
  now: number,
  budget = SNAPSHOT_BUDGET,
  words?: WordTemplates,
): Promise<PublishedState> {
  const [lists, paused, settings] = await Promise.all([
    listWatchlists(db),
    listPausedSites(db),
    getSettings(db),
  ]);
  const snapshot = buildSnapshot(lists, now);
  const { kept, leftOut } = fitLists(snapshot.lists, budget);
  // The forms are those of the lists kept (their owners are indices into them), and go
  // only where they fit the budget too: they save content scripts time, not terms.
  const forms = storeForms(kept);
  const room = budget - kept.reduce((sum, list) => sum + jsonBytes(list), 0);
  return {
    settings,
    items: pageStateItems({ ...snapshot, lists: kept, forms: forms && jsonBytes(forms) <= room ? forms : null }, paused, settings, words),
    leftOut: leftOut.map((list) => list.title),
  };
}

/** The outcome of a publish: the state written, or, when storage refused every copy, none. */
export type PublishOutcome =
  | (PublishedState & { stale: false })
  | { stale: true; settings: Settings };

/**
 * Writes what content scripts read to `storage`; returns it, for the background's own use
 * (the badge, Firefox's registered copy in `early-state.ts`). Should storage still refuse
 * it (its quota is shared), smaller snapshots are tried, down to one without lists, so a
 * full storage area never stops later changes from reaching the pages. Should it refuse
 * even that, the pages keep the copy they have: the change itself is saved, so this is
 * not the change's failure. Either way the outcome is recorded (`publish-report.ts`), for
 * the options page to say which lists pages do not get, or that they are out of date.
 */
export async function publishPageState(
  db: IDBPDatabase<PlotArmorDB>,
  storage: { set(items: Record<string, unknown>): Promise<void> },
  now: number,
  words?: WordTemplates,
): Promise<PublishOutcome> {
  let state: PublishedState | null = null;
  for (const budget of [SNAPSHOT_BUDGET, SNAPSHOT_BUDGET / 8, 0]) {
    state = await pageStateFromDb(db, now, budget, words);
    try {
      await storage.set(state.items);
    } catch {
      continue;
    }
    await writePublishReport(db, { leftOut: state.leftOut, publishedAt: now, stale: false });
    return { ...state, stale: false };
  }
  const before = await readPublishReport(db);
  await writePublishReport(db, { ...before, stale: true });
  return { stale: true, settings: state!.settings };
}
