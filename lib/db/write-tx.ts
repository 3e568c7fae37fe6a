import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PlotArmorDB } from './schema';

/**
 * Runs `body` in one readwrite transaction on `storeName` and resolves once it has
 * committed. If `body` throws, the transaction is aborted, so nothing it wrote is kept.
 * `body` must await nothing but the transaction's own requests (or it auto-commits early).
 */
export async function inWriteTx<S extends StoreNames<PlotArmorDB>, T>(
  db: IDBPDatabase<PlotArmorDB>,
  storeName: S,
  body: (tx: IDBPTransaction<PlotArmorDB, [S], 'readwrite'>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(storeName, 'readwrite');
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (error) {
    // The rejection of tx.done is expected here; observe it so it is not reported as unhandled.
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // Already finished or aborted (a failed request aborts it by itself).
    }
    throw error;
  }
}
