/**
 * The TVmaze client an extension page uses: the page's `fetch`, behind Firefox's data
 * consent where the manifest declares it (lib/tvmaze/consent.ts).
 */
import { createTvmazeClient, type FetchLike, type TvmazeClient } from '../tvmaze/client';
import { declaresDataConsent, withSearchConsent, type ConsentPermissions } from '../tvmaze/consent';

/** The part of the extension API the client needs. */
export interface TvmazeBrowserApi {
  runtime: { getManifest(): unknown };
  permissions?: unknown;
}

/** Creates the client for an extension page. */
export function tvmazeForPage(api: TvmazeBrowserApi, fetchFn: FetchLike = (url) => fetch(url)): TvmazeClient {
  const consent = declaresDataConsent(api.runtime.getManifest()) ? (api.permissions as ConsentPermissions) : null;
  return createTvmazeClient(withSearchConsent(fetchFn, consent));
}
