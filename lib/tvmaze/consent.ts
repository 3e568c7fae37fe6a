/**
 * Firefox's built-in consent for data that leaves the browser. The one thing Plot Armor
 * sends anywhere is the name of a show the user searches TVmaze for; the Firefox
 * manifest declares that as optional `searchTerms` data, and the first search asks for
 * it (Firefox remembers the answer; a search it was refused for sends nothing).
 * Chromium has no such consent: there the options page says what is sent, and nothing
 * is until the user presses Search.
 */
import { TvmazeError, type FetchLike } from './client';

/** The data collection this lookup needs, as Firefox names it. */
export const SEARCH_CONSENT = { data_collection: ['searchTerms'] };

/** The part of `browser.permissions` the consent needs (Firefox 140 and later). */
export interface ConsentPermissions {
  request(permissions: typeof SEARCH_CONSENT): Promise<boolean>;
}

/**
 * `fetchFn`, asking for consent before each request when `permissions` is given. The
 * request is made in the same task as the user's click (no await before it), as
 * Firefox requires for a permission prompt; once granted it answers at once.
 */
export function withSearchConsent(fetchFn: FetchLike, permissions: ConsentPermissions | null): FetchLike {
  if (!permissions) return fetchFn;
  return (url) =>
    permissions.request(SEARCH_CONSENT).then((granted) => {
      if (!granted) throw new TvmazeError('consent');
      return fetchFn(url);
    });
}

/** Whether a manifest declares Firefox's data collection permissions (the Firefox build does). */
export function declaresDataConsent(manifest: unknown): boolean {
  const gecko = (manifest as { browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } } })
    ?.browser_specific_settings?.gecko;
  return gecko?.data_collection_permissions !== undefined;
}
