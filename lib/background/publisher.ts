/**
 * Every write ends with the page state published: the write is marked in the database
 * before it starts, the state is rewritten after it, and the mark is removed only then.
 * If the browser stops the background in between, the next start finds the mark and
 * publishes (see `lib/db/unpublished.ts`).
 */
import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { clearUnpublished, isOwnMark, listUnpublished, markUnpublished } from '../db/unpublished';

export interface PublisherDeps {
  db: () => Promise<IDBPDatabase<PlotArmorDB>>;
  /** Rewrites the state content scripts read from the database. */
  publish: () => Promise<void>;
  /** This background run's id (a fresh one per start). */
  owner?: string;
}

/** Creates the publisher; call `resume()` once at start. */
export function createPublisher(deps: PublisherDeps) {
  const owner = deps.owner ?? crypto.randomUUID();
  return {
    /**
     * Runs one write and publishes after it. A write that fails changed nothing (each is
     * one transaction), so its mark goes without publishing; a failed publish keeps the
     * mark, for the next start to try again.
     */
    async write<T>(work: () => Promise<T>): Promise<T> {
      const db = await deps.db();
      const mark = await markUnpublished(db, owner);
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await clearUnpublished(db, [mark]).catch(() => {});
        throw error;
      }
      await deps.publish();
      await clearUnpublished(db, [mark]);
      return result;
    },
    /** Publishes if an earlier run of the background stopped before publishing its writes. */
    async resume(): Promise<void> {
      const db = await deps.db();
      const left = (await listUnpublished(db)).filter((mark) => !isOwnMark(mark, owner));
      if (left.length === 0) return;
      await deps.publish();
      await clearUnpublished(db, left);
    },
  };
}

/** The publisher. */
export type Publisher = ReturnType<typeof createPublisher>;
