/**
 * Fetches a subscribed watchlist file: no cookies, no cache, a time limit, and a size
 * limit enforced while reading (a huge file is never held whole). Every failure becomes
 * one sentence for the user; the browser's own error text never reaches the page.
 */
import { MAX_IMPORT_BYTES, sizeError } from '../../format/watchlist-file';

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
export type FetchOutcome = { ok: true; text: string } | { ok: false; error: string };

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
  const tooSlow = (): FetchOutcome => ({ ok: false, error: `${host} took too long to answer. Try again later.` });
  try {
    let response: Response;
    try {
      response = await fetchFn(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: controller.signal });
    } catch {
      return timedOut ? tooSlow() : { ok: false, error: `Could not reach ${host}. Check the address and your connection.` };
    }
    if (response.redirected && response.url && new URL(response.url).origin !== new URL(url).origin) {
      return {
        ok: false,
        error: `This address sends Plot Armor on to another site (${new URL(response.url).host}). Subscribe to the file's own address instead.`,
      };
    }
    if (!response.ok) {
      const status = response.status;
      const error =
        status === 404 || status === 410
          ? `There is no file at this address any more (${host} answered ${status}).`
          : status === 401 || status === 403
            ? `${host} does not let anyone read this file (it answered ${status}); the file must be public.`
            : `${host} could not send the file (it answered ${status}). Try again later.`;
      return { ok: false, error };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared >= maxBytes) return { ok: false, error: tooLarge(maxBytes) };
    const read = await readLimited(response, maxBytes);
    if (read === 'too-large') {
      controller.abort();
      return { ok: false, error: tooLarge(maxBytes) };
    }
    return { ok: true, text: read };
  } catch {
    return timedOut ? tooSlow() : { ok: false, error: `The file from ${host} stopped arriving half-way. Try again later.` };
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(maxBytes: number): string {
  return sizeError(maxBytes) ?? `This file is too large.`;
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
