/**
 * UI state for the popup and the options page: the watchlists, the one being edited,
 * the last message and the last deletion (for undo), as signals. Components render it;
 * every change goes through the background client.
 */
import { signal } from '@preact/signals';
import type { BackgroundClient } from '../shared/client';
import { sizeError } from '../format/watchlist-file';
import type { TermGroup, WatchlistDraft, WatchlistPatch } from '../shared/watchlist';
import type { Watchlist } from '../shared/watchlist';
import { t } from './i18n';

/** The one message line: an error (alert) or a status; `undo` offers to restore a deleted list. */
export type Notice = { kind: 'error' | 'status'; text: string; undo?: Watchlist } | null;

/** The text of a failure, as the background or the browser wrote it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates the model; call `refresh()` once to load. */
export function createWatchlistsModel(client: BackgroundClient) {
  const lists = signal<Watchlist[]>([]);
  const loaded = signal(false);
  const notice = signal<Notice>(null);
  /** The watchlist open in the editor (options page). */
  const selectedId = signal<string | null>(null);

  /** Runs a change, then reloads the lists; a failure becomes an error notice (and rethrows nothing). */
  const run = async <T>(change: () => Promise<T>, done?: (result: T) => Notice): Promise<T | undefined> => {
    try {
      const result = await change();
      lists.value = await client.call('watchlists/list', {});
      notice.value = done ? done(result) : null;
      return result;
    } catch (error) {
      notice.value = { kind: 'error', text: errorText(error) };
      return undefined;
    }
  };
  const status = (text: string): Notice => ({ kind: 'status', text });

  return {
    lists,
    loaded,
    notice,
    selectedId,
    async refresh(): Promise<void> {
      await run(async () => undefined);
      loaded.value = true;
    },
    /** Creates a list; throws the background's message (e.g. a duplicate title) for the form to show. */
    async create(draft: WatchlistDraft): Promise<Watchlist> {
      const list = await client.call('watchlists/create', draft);
      lists.value = await client.call('watchlists/list', {});
      notice.value = status(t('notice_added', list.title));
      return list;
    },
    /** Renames a list; throws the background's message for the form to show. */
    async rename(id: string, title: string): Promise<Watchlist> {
      const list = await client.call('watchlists/update', { id, patch: { title } });
      lists.value = await client.call('watchlists/list', {});
      notice.value = status(t('notice_renamed', list.title));
      return list;
    },
    setEnabled(id: string, enabled: boolean) {
      return run(() => client.call('watchlists/update', { id, patch: { enabled } }));
    },
    update(id: string, patch: WatchlistPatch) {
      return run(() => client.call('watchlists/update', { id, patch }));
    },
    addTerms(id: string, group: TermGroup, terms: string[]) {
      if (terms.length === 0) return Promise.resolve(undefined);
      return run(() => client.call('terms/add', { id, group, terms }));
    },
    removeTerm(id: string, group: TermGroup, term: string) {
      return run(() => client.call('terms/remove', { id, group, terms: [term] }));
    },
    /** Deletes a list and offers undo in the notice. */
    remove(id: string) {
      if (selectedId.value === id) selectedId.value = null;
      return run(
        () => client.call('watchlists/delete', { id }),
        (deleted) => (deleted ? { kind: 'status', text: t('notice_deleted', deleted.title), undo: deleted } : null),
      );
    },
    /** Puts back the list the notice offers to restore. */
    undo() {
      const deleted = notice.value?.undo;
      if (!deleted) return Promise.resolve(undefined);
      return run(
        () => client.call('watchlists/restore', { list: deleted }),
        (list) => {
          selectedId.value = list.id;
          return status(t('notice_restored', list.title));
        },
      );
    },
    /** Imports a picked file; one that is too large is refused before it is read. */
    async importFile(file: { size: number; text(): Promise<string> }) {
      const tooLarge = sizeError(file.size);
      if (tooLarge) {
        notice.value = { kind: 'error', text: tooLarge };
        return undefined;
      }
      return this.importText(await file.text());
    },
    importText(text: string) {
      return run(
        () => client.call('watchlists/import', { text }),
        ({ added, merged }) => status(t('notice_imported', [added, merged])),
      );
    },
    async exportText(): Promise<string | undefined> {
      try {
        return (await client.call('watchlists/export', {})).text;
      } catch (error) {
        notice.value = { kind: 'error', text: errorText(error) };
        return undefined;
      }
    },
  };
}

/** The watchlists model. */
export type WatchlistsModel = ReturnType<typeof createWatchlistsModel>;
