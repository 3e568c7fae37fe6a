/**
 * TVmaze's public API (https://www.tvmaze.com/api): show search, a show's cast and its
 * episode list.
 * The extension's only network requests, made only when the user asks. `fetch` is
 * injected, so tests replay recorded responses and never touch the network.
 */

import type { Episode } from '../shared/watchlist';

/** The API's origin (also the manifest's host permission). */
export const TVMAZE_ORIGIN = 'https://api.tvmaze.com';

/** One show found by a search. */
export interface TvmazeShow {
  id: number;
  name: string;
  /** Year of the first episode, if known. */
  year: number | null;
  network: string | null;
}

/** One cast entry: the actor and the character they play. */
export interface TvmazeCastEntry {
  person: string;
  character: string;
}

/**
 * Why a request failed: no connection, an HTTP error status, an answer of the wrong
 * shape, or the user did not agree to send the show's name (see `consent.ts`).
 */
export class TvmazeError extends Error {
  override readonly name = 'TvmazeError';

  constructor(
    readonly kind: 'offline' | 'status' | 'bad-response' | 'consent',
    readonly status: number | null = null,
  ) {
    super(`TVmaze request failed: ${kind}${status === null ? '' : ` ${status}`}`);
  }
}

/** The part of `fetch` this client uses. */
export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Creates the client over an injected `fetch`. */
export function createTvmazeClient(fetchFn: FetchLike) {
  const get = async (path: string): Promise<unknown> => {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchFn(`${TVMAZE_ORIGIN}${path}`);
    } catch (error) {
      throw error instanceof TvmazeError ? error : new TvmazeError('offline');
    }
    if (!response.ok) throw new TvmazeError('status', response.status);
    try {
      return await response.json();
    } catch {
      throw new TvmazeError('bad-response');
    }
  };
  return {
    /** Shows whose name matches `query`, best first. */
    async searchShows(query: string): Promise<TvmazeShow[]> {
      const data = await get(`/search/shows?q=${encodeURIComponent(query.trim())}`);
      if (!Array.isArray(data)) throw new TvmazeError('bad-response');
      return data.flatMap((hit) => {
        const show = record(record(hit)?.show);
        if (!show || typeof show.id !== 'number' || typeof show.name !== 'string') return [];
        const premiered = typeof show.premiered === 'string' ? Number.parseInt(show.premiered, 10) : NaN;
        const network = record(show.network)?.name ?? record(show.webChannel)?.name;
        return [{
          id: show.id,
          name: show.name,
          year: Number.isFinite(premiered) ? premiered : null,
          network: typeof network === 'string' ? network : null,
        }];
      });
    },
    /** The show's cast: actor and character names. */
    async castOf(showId: number): Promise<TvmazeCastEntry[]> {
      const data = await get(`/shows/${encodeURIComponent(String(showId))}/cast`);
      if (!Array.isArray(data)) throw new TvmazeError('bad-response');
      return data.flatMap((entry) => {
        const person = record(record(entry)?.person)?.name;
        const character = record(record(entry)?.character)?.name;
        return typeof person === 'string' && typeof character === 'string' ? [{ person, character }] : [];
      });
    },
    /**
     * The show's regular episodes (`/shows/:id/episodes`, which leaves specials out
     * unless asked), in airing order. An answer with no usable episode is malformed.
     */
    async episodesOf(showId: number): Promise<Episode[]> {
      const data = await get(`/shows/${encodeURIComponent(String(showId))}/episodes`);
      if (!Array.isArray(data)) throw new TvmazeError('bad-response');
      const episodes = data.flatMap((entry): Episode[] => {
        const e = record(entry);
        if (!e || !isCount(e.season) || !isCount(e.number) || e.season < 1) return [];
        const airstamp = typeof e.airstamp === 'string' && Number.isFinite(Date.parse(e.airstamp)) ? e.airstamp : null;
        return [{ season: e.season, number: e.number, title: typeof e.name === 'string' ? e.name.trim().slice(0, 500) : '', airstamp }];
      });
      if (data.length > 0 && episodes.length === 0) throw new TvmazeError('bad-response');
      return episodes.slice(0, 5_000);
    },
  };
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 10_000;

/** The TVmaze client. */
export type TvmazeClient = ReturnType<typeof createTvmazeClient>;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}
