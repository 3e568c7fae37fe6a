/**
 * Linking a watchlist to its show on TVmaze: search (on the user's click), pick a show,
 * fetch its episode list, store the link. Unlinking drops the list.
 */
import { signal } from '@preact/signals';
import type { ShowLink } from '../shared/watchlist';
import { TvmazeError, type TvmazeClient, type TvmazeShow } from '../tvmaze/client';
import { t } from './i18n';
import { tvmazeErrorText } from './tvmaze-model';

/** The message for a failed request, a rate limit in the user's words. */
export function linkErrorText(error: unknown): string {
  if (error instanceof TvmazeError && error.kind === 'status' && error.status === 429) return t('tvmaze_error_rate_limited');
  return tvmazeErrorText(error);
}

/** Creates the flow; `save` stores the link (through the watchlists model). */
export function createLinkModel(api: Pick<TvmazeClient, 'searchShows' | 'episodesOf'>, save: (link: ShowLink | null) => Promise<unknown>, now = Date.now) {
  const busy = signal(false);
  const results = signal<TvmazeShow[] | null>(null);
  const error = signal<string | null>(null);
  const attempt = async (work: () => Promise<void>) => {
    busy.value = true;
    error.value = null;
    try {
      await work();
    } catch (e) {
      error.value = linkErrorText(e);
    } finally {
      busy.value = false;
    }
  };
  return {
    busy,
    results,
    error,
    search(query: string) {
      if (query.trim() === '') return Promise.resolve();
      return attempt(async () => {
        results.value = await api.searchShows(query);
      });
    },
    /** Fetches the episode list of `showId` (the user's click) and stores the link. */
    link(showId: number) {
      return attempt(async () => {
        const episodes = await api.episodesOf(showId);
        await save({ tvmazeId: showId, episodes, refreshedAt: now() });
        results.value = null;
      });
    },
    unlink() {
      return attempt(async () => {
        await save(null);
      });
    },
  };
}
