/**
 * Fetches a subscribed watchlist file: no cookies, no cache, a time limit, and a size
 * limit enforced while reading (a huge file is never held whole). Every failure becomes
 * a problem the options page words for the user; the browser's own error text never
 * reaches the page.
 */
import { MAX_IMPORT_BYTES, sizeError } from '../../format/watchlist-file';
import { problem, type Problem } from '../../shared/problem';

/** The part of `fetch` used here (tests pass a fake). */
export type FetchFile = (url: string, init: RequestInit) => Promise<Response>;

export interface FetchLimits {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** Refuse a file of this many bytes or more. */
  maxBytes?: number;
}

/** How long a fetch may take. */
export const FETCH_TIMEOUT_MS = 20_000;

/** The file's text, or why there is none. */
export type FetchOutcome = { ok: true; text: string } | { ok: false; error: Problem };

/** Fetches `url`; never throws. */
export async function fetchWatchlistText(fetchFn: FetchFile, url: string, limits: FetchLimits = {}): Promise<FetchOutcome> {
  const timeoutMs = limits.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? MAX_IMPORT_BYTES;
  const host = new URL(url).host;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const fail = (error: Problem): FetchOutcome => ({ ok: false, error });
  const tooSlow = () => fail(problem('subscription-timeout', host));
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: controller.signal });
    } catch {
      return timedOut ? tooSlow() : fail(problem('subscription-unreachable', host));
    }
    if (response.redirected && response.url && new URL(response.url).origin !== new URL(url).origin) {
      return fail(problem('subscription-redirect', new URL(response.url).host));
    }
    if (!response.ok) {
      const status = response.status;
      const code =
        status === 404 || status === 410
          ? 'subscription-gone'
          : status === 401 || status === 403
            ? 'subscription-forbidden'
            : 'subscription-http';
      return fail(problem(code, host, String(status)));
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared >= maxBytes) return fail(tooLarge());
    const read = await readLimited(response, maxBytes);
    if (read === 'too-large') {
      controller.abort();
      return fail(tooLarge());
    }
    return { ok: true, text: read };
  } catch {
    return timedOut ? tooSlow() : fail(problem('subscription-cut-off', host));
  } finally {
    clearTimeout(timer);
  }
}

/** The import's own problem for a file too large (a test's smaller limit reads the same). */
function tooLarge(): Problem {
  return sizeError(MAX_IMPORT_BYTES)!;
}

/** The body as text, or 'too-large' as soon as `maxBytes` bytes have arrived. */
async function readLimited(response: Response, maxBytes: number): Promise<string | 'too-large'> {
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length >= maxBytes ? 'too-large' : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes >= maxBytes) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
