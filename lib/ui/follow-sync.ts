/**
 * The options page follows the sync layer: a new status replaces the shown one, and
 * a merge that changed watchlists (another device's edits) reloads the lists.
 */
import { SYNC_REPORT_KEY, type SyncStatus } from '../shared/sync-status';

interface Report {
  status: SyncStatus;
  mergedAt: number | null;
}

type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** Listens until `signal` aborts; `onStatus` gets each status, `onMerged` each new merge. */
export function followSync(
  onChanged: { addListener(l: (c: Changes, area: string) => void): void; removeListener(l: (c: Changes, area: string) => void): void },
  handlers: { onStatus: (status: SyncStatus) => void; onMerged: () => void },
  signal: AbortSignal,
): void {
  const listener = (changes: Changes, area: string) => {
    if (area !== 'local' || !Object.hasOwn(changes, SYNC_REPORT_KEY)) return;
    const next = changes[SYNC_REPORT_KEY]!.newValue as Report | undefined;
    const previous = changes[SYNC_REPORT_KEY]!.oldValue as Report | undefined;
    if (!next || typeof next !== 'object' || !next.status) return;
    handlers.onStatus(next.status);
    if (next.mergedAt !== null && next.mergedAt !== previous?.mergedAt) handlers.onMerged();
  };
  onChanged.addListener(listener);
  signal.addEventListener('abort', () => onChanged.removeListener(listener), { once: true });
}
