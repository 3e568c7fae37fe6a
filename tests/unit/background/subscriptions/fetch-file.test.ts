import { describe, expect, it } from 'vitest';
import { fetchWatchlistText } from '../../../../lib/background/subscriptions/fetch-file';
import { problem } from '../../../../lib/shared/problem';
import { fakeFetch, hangingFetch, reply } from './fake-fetch';

const URL_A = 'https://lists.example/show.json';

describe('fetchWatchlistText', () => {
  it('returns the text, fetched without cookies or cache', async () => {
    const { fetch, calls } = fakeFetch({ [URL_A]: () => reply('{"a":1}') });
    expect(await fetchWatchlistText(fetch, URL_A)).toEqual({ ok: true, text: '{"a":1}' });
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('says that there is no file any more on a 404', async () => {
    const { fetch } = fakeFetch({ [URL_A]: () => reply('not found', { status: 404 }) });
    expect(await fetchWatchlistText(fetch, URL_A)).toEqual({ ok: false, error: problem('subscription-gone', 'lists.example', '404') });
  });

  it('asks for a public file on a 403, and to try later on a server error', async () => {
    const forbidden = fakeFetch({ [URL_A]: () => reply('', { status: 403 }) });
    expect(await fetchWatchlistText(forbidden.fetch, URL_A)).toEqual({ ok: false, error: problem('subscription-forbidden', 'lists.example', '403') });
    const broken = fakeFetch({ [URL_A]: () => reply('', { status: 503 }) });
    expect(await fetchWatchlistText(broken.fetch, URL_A)).toEqual({ ok: false, error: problem('subscription-http', 'lists.example', '503') });
  });

  it('refuses a redirect to another site, naming it', async () => {
    const { fetch } = fakeFetch({ [URL_A]: () => reply('{}', { redirectedTo: 'https://elsewhere.example/x.json' }) });
    expect(await fetchWatchlistText(fetch, URL_A)).toEqual({ ok: false, error: problem('subscription-redirect', 'elsewhere.example') });
  });

  it('follows a redirect within the same site', async () => {
    const { fetch } = fakeFetch({ [URL_A]: () => reply('{"b":2}', { redirectedTo: 'https://lists.example/v2/show.json' }) });
    expect(await fetchWatchlistText(fetch, URL_A)).toEqual({ ok: true, text: '{"b":2}' });
  });

  it('gives up on a server that does not answer, and says so', async () => {
    expect(await fetchWatchlistText(hangingFetch, URL_A, { timeoutMs: 20 })).toEqual({ ok: false, error: problem('subscription-timeout', 'lists.example') });
  });

  it('says the host could not be reached when the request fails', async () => {
    const { fetch } = fakeFetch({});
    expect(await fetchWatchlistText(fetch, URL_A)).toEqual({ ok: false, error: problem('subscription-unreachable', 'lists.example') });
  });

  it('stops reading a file that grows past the limit, without holding it whole', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const { fetch } = fakeFetch({ [URL_A]: () => reply(endless) });
    const outcome = await fetchWatchlistText(fetch, URL_A, { maxBytes: 10 * 1024 });
    expect(outcome).toEqual({ ok: false, error: problem('file-too-large', 50) });
    expect(pulled).toBeLessThan(20);
  });

  it('refuses a file whose declared size is at the import limit with the import message', async () => {
    const { fetch } = fakeFetch({ [URL_A]: () => reply('{}', { headers: { 'content-length': String(50 * 1024 * 1024) } }) });
    expect(await fetchWatchlistText(fetch, URL_A)).toEqual({ ok: false, error: problem('file-too-large', 50) });
  });
});
