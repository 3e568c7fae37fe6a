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
import { NO_REPORT, type PublishReport } from '../shared/page-state';
import { t } from './i18n';
import { ProblemError } from '../shared/problem';
import { problemText } from './problem-text';
import { hasRawControl, MAX_MESSAGE_BYTES, messageBytes, transportFailure } from './transport-error';

/** The one message line: an error (alert) or a status; `undo` offers to restore a deleted list. */
export type Notice = { kind: 'error' | 'status'; text: string; undo?: Watchlist } | null;

/**
 * The text of a failure: the background's problem, worded in the user's language; for a
 * message the browser could not deliver or answer, a sentence of ours, never the browser's text.
 */
export function errorText(error: unknown): string {
  if (error instanceof ProblemError) return problemText(error.problem);
  const failure = transportFailure(error);
  if (failure === 'too-large') return t('error_too_large_to_send');
  return t('error_no_answer');
}

/** Creates the model; call `refresh()` once to load. */
export function createWatchlistsModel(client: BackgroundClient) {
  const lists = signal<Watchlist[]>([]);
  /** What pages got of the lists at the last publish: lists left out, or an out-of-date copy. */
  const pages = signal<PublishReport>(NO_REPORT);
  const loaded = signal(false);
  const notice = signal<Notice>(null);
  /** The watchlist open in the editor (options page). */
  const selectedId = signal<string | null>(null);

  /** Reloads the lists and what pages got of them (the background publishes before it answers a change). */
  const reload = async () => {
    const [all, report] = await Promise.all([client.call('watchlists/list', {}), client.call('pages/report', {})]);
    lists.value = all;
    pages.value = report;
  };
  /** Runs a change, then reloads the lists; a failure becomes an error notice (and rethrows nothing). */
  const run = async <T>(change: () => Promise<T>, done?: (result: T) => Notice): Promise<T | undefined> => {
    try {
      const result = await change();
      await reload();
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
    pages,
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
      await reload();
      notice.value = status(t('notice_added', list.title));
      return list;
    },
    /** Renames a list; throws the background's message for the form to show. */
    async rename(id: string, title: string): Promise<Watchlist> {
      const list = await client.call('watchlists/update', { id, patch: { title } });
      await reload();
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
        notice.value = { kind: 'error', text: problemText(tooLarge) };
        return undefined;
      }
      return this.importText(await file.text());
    },
    async importText(text: string) {
      // Both would fail in the background anyway; checked here, they get the file's own
      // message instead of the browser refusing to carry the text.
      if (hasRawControl(text)) {
        notice.value = { kind: 'error', text: t('import_control_characters') };
        return undefined;
      }
      if (messageBytes(text) > MAX_MESSAGE_BYTES) {
        notice.value = { kind: 'error', text: t('error_too_large_to_send') };
        return undefined;
      }
      let answered = true;
      const result = await run(
        () =>
          client.call('watchlists/import', { text }).catch((error: unknown) => {
            answered = transportFailure(error) === null;
            throw error;
          }),
        ({ added, merged }) => status(t('notice_imported', [added, merged])),
      );
      if (!answered) {
        // The browser stopped the background before it answered: the import was saved
        // whole or not at all. Show what is saved (asking wakes the background, which
        // publishes anything it had saved) and say so.
        const saved = await client.call('watchlists/list', {}).catch(() => null);
        if (saved) lists.value = saved;
        notice.value = { kind: 'error', text: t(saved ? 'import_interrupted' : 'error_no_answer') };
      }
      return result;
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
