/**
 * UI state for the popup and the options page: the watchlists and the last message,
 * as signals. Components render it; every change goes through the background client.
 */
import { signal } from '@preact/signals';
import type { BackgroundClient } from '../client';
import type { WatchlistDraft } from '../db/watchlists';
import type { Watchlist } from '../watchlist/model';

export type Notice = { kind: 'error' | 'status'; text: string } | null;

/** Creates the model; call `refresh()` once to load. */
export function createWatchlistsModel(client: BackgroundClient) {
  const lists = signal<Watchlist[]>([]);
  const loaded = signal(false);
  const notice = signal<Notice>(null);

  /** Runs a change, then reloads the lists; a failure becomes an error notice. */
  const run = async <T>(change: () => Promise<T>, done?: (result: T) => string): Promise<T | undefined> => {
    try {
      const result = await change();
      lists.value = await client.call('watchlists/list', {});
      notice.value = done ? { kind: 'status', text: done(result) } : null;
      return result;
    } catch (error) {
      notice.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
      return undefined;
    }
  };

  return {
    lists,
    loaded,
    notice,
    async refresh(): Promise<void> {
      await run(async () => undefined);
      loaded.value = true;
    },
    create(draft: WatchlistDraft) {
      return run(() => client.call('watchlists/create', draft), (list) => `Added “${list.title}”.`);
    },
    setEnabled(id: string, enabled: boolean) {
      return run(() => client.call('watchlists/update', { id, patch: { enabled } }));
    },
    importText(text: string) {
      return run(
        () => client.call('watchlists/import', { text }),
        ({ added, merged }) => `Imported: ${added} new watchlist${added === 1 ? '' : 's'}, ${merged} merged.`,
      );
    },
    async exportText(): Promise<string | undefined> {
      try {
        return (await client.call('watchlists/export', {})).text;
      } catch (error) {
        notice.value = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
        return undefined;
      }
    },
  };
}

export type WatchlistsModel = ReturnType<typeof createWatchlistsModel>;
