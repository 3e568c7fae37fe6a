import type { FetchFile } from '../../../../lib/background/subscriptions/fetch-file';

/** A response as a server would send it; `redirectedTo` marks it as arriving from another address. */
export function reply(body: BodyInit | null, init: ResponseInit & { redirectedTo?: string } = {}): Response {
  const response = new Response(body, init);
  if (init.redirectedTo) {
    Object.defineProperty(response, 'redirected', { value: true });
    Object.defineProperty(response, 'url', { value: init.redirectedTo });
  }
  return response;
}

/** The text of a watchlist file holding `lists`. */
export function watchlistFile(lists: object[]): string {
  return JSON.stringify({ format: 'plot-armor', version: 1, watchlists: lists });
}

/**
 * A fetch that answers from `routes` (address → response maker) and never reaches the
 * network; an address with no route fails as an unreachable host does. Records each call.
 */
export function fakeFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn: FetchFile = async (url, init) => {
    calls.push({ url, init });
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    return route();
  };
  return { fetch: fetchFn, calls, routes };
}

/** A fetch that never answers, until its signal aborts it (a server that hangs). */
export const hangingFetch: FetchFile = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });
