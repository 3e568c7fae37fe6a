import type { IDBPDatabase } from 'idb';
import { afterEach } from 'vitest';
import { openPlotArmorDb } from '../../../lib/db/open';
import type { PlotArmorDB } from '../../../lib/db/schema';

const open: IDBPDatabase<PlotArmorDB>[] = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A unique database name, so tests never share state. */
export function uniqueDbName(): string {
  return `plot-armor-test-${crypto.randomUUID()}`;
}

/** A fresh, empty database at the current version; closed after the test. */
export async function freshDb(name = uniqueDbName()): Promise<IDBPDatabase<PlotArmorDB>> {
  const db = await openPlotArmorDb(name);
  open.push(db);
  return db;
}
