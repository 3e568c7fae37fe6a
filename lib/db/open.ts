import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, type PlotArmorDB } from './schema';
import { upgradePlotArmorDb } from './upgrade';

/**
 * Opens (creating or upgrading as needed) the Plot Armor database. Only for extension
 * contexts: in a content script IndexedDB belongs to the page.
 */
export function openPlotArmorDb(name = 'plot-armor'): Promise<IDBPDatabase<PlotArmorDB>> {
  return openDB<PlotArmorDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      upgradePlotArmorDb(db, oldVersion, tx);
    },
    blocking(_currentVersion, _blockedVersion, event) {
      // A newer version of the extension wants to upgrade: let it, instead of hanging it.
      (event.target as IDBDatabase).close();
    },
  });
}
