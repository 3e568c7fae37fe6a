/**
 * The address of a watchlist file to subscribe to: checked the same way on the options
 * page (before the browser is asked for access to its site) and in the background.
 */
import { problem, type Problem } from './problem';

/** Longest address accepted. */
export const MAX_URL_LENGTH = 2000;

/** The checked address, its site and the match pattern the browser is asked to allow. */
export interface SubscriptionUrl {
  url: string;
  host: string;
  /** e.g. `https://gist.githubusercontent.com/*`: what `permissions.request` gets. */
  pattern: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks an address typed by the user: https anywhere, or http on this computer only
 * (a file served for testing); no user name or password in it.
 */
export function checkSubscriptionUrl(text: string): { ok: true; value: SubscriptionUrl } | { ok: false; error: Problem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: problem('subscription-url-empty') };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, error: problem('subscription-url-too-long', MAX_URL_LENGTH) };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: problem('subscription-url-invalid') };
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local) return { ok: false, error: problem('subscription-url-not-https') };
  if (url.username !== '' || url.password !== '') return { ok: false, error: problem('subscription-url-credentials') };
  url.hash = '';
  return { ok: true, value: { url: url.href, host: url.hostname, pattern: `${url.protocol}//${url.hostname}/*` } };
}

/**
 * Whether the manifest already grants `pattern`'s site (Firefox's build holds every
 * site for its content scripts), so no request is needed. Read synchronously: the
 * request itself must happen within the user's click.
 */
export function manifestGrants(manifest: { permissions?: unknown; host_permissions?: unknown }, pattern: string): boolean {
  const granted = [manifest.permissions, manifest.host_permissions].flatMap((list) => (Array.isArray(list) ? list : []));
  const [scheme, rest] = pattern.split('://') as [string, string];
  const host = rest.slice(0, rest.indexOf('/'));
  return granted.some((entry) => {
    if (typeof entry !== 'string') return false;
    if (entry === '<all_urls>') return true;
    const match = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(entry);
    if (!match) return false;
    const schemeOk = match[1] === scheme || match[1] === '*';
    return schemeOk && (match[2] === '*' || match[2] === host);
  });
}
