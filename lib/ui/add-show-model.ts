/**
 * "Add a show", as the welcome page and the empty popup offer it: search TVmaze by name
 * (the name is sent only when the user presses the search button, which says so), pick
 * the show, review the characters and cast found, add it as a watchlist; or type a title
 * and names by hand, with no network. One show after another.
 */
import { signal } from '@preact/signals';
import type { TermGroup, Watchlist, WatchlistDraft } from '../shared/watchlist';
import type { TvmazeClient } from '../tvmaze/client';
import { parseTermList } from '../format/watchlist-file';
import { t, tCount } from './i18n';
import { createTvmazeModel } from './tvmaze-model';
import { errorText } from './watchlists-model';

/** A show added in this session, for the page's running list. */
export interface AddedShow {
  title: string;
  terms: number;
}

/** Creates the flow; `create` stores a new watchlist (the watchlists model's `create`). */
export function createAddShowModel(tvmaze: TvmazeClient, create: (draft: WatchlistDraft) => Promise<Watchlist>) {
  // The TVmaze flow's own save is not used: a show becomes one new watchlist at once.
  const search = createTvmazeModel(tvmaze, async () => undefined);
  const mode = signal<'search' | 'manual'>('search');
  const added = signal<AddedShow[]>([]);
  /** The outcome of the last add: a status line, or why it failed. */
  const outcome = signal<{ kind: 'status' | 'error'; text: string } | null>(null);

  const add = async (draft: WatchlistDraft): Promise<boolean> => {
    try {
      const list = await create(draft);
      const terms = list.characters.length + list.cast.length + list.keywords.length;
      added.value = [...added.value, { title: list.title, terms }];
      outcome.value = { kind: 'status', text: tCount('add_show_added', terms, [list.title, terms]) };
      return true;
    } catch (error) {
      outcome.value = { kind: 'error', text: errorText(error) };
      return false;
    }
  };

  return {
    search,
    mode,
    added,
    outcome,
    /** Switches between the TVmaze search and typing by hand. */
    setMode(next: 'search' | 'manual') {
      mode.value = next;
      outcome.value = null;
      search.cancel();
    },
    /** Adds the show picked on TVmaze, with the names left checked. */
    async addPicked(): Promise<boolean> {
      const show = search.picked.value;
      if (!show) return false;
      const checked = search.candidates.value.filter((c) => c.checked);
      const names = (group: TermGroup) => checked.filter((c) => c.group === group).map((c) => c.name);
      const ok = await add({ title: show.name, characters: names('characters'), cast: names('cast'), keywords: names('keywords') });
      if (ok) search.cancel();
      return ok;
    },
    /** Adds a show typed by hand; names one per line or comma-separated. */
    addManual(title: string, characters: string, cast: string): Promise<boolean> {
      if (title.trim() === '') {
        outcome.value = { kind: 'error', text: t('error_title_required') };
        return Promise.resolve(false);
      }
      return add({ title: title.trim(), characters: parseTermList(characters), cast: parseTermList(cast) });
    },
  };
}

/** The add-a-show model. */
export type AddShowModel = ReturnType<typeof createAddShowModel>;
