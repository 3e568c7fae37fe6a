/**
 * The one message protocol between the extension's parts: a map from verb to the
 * request it takes and the response it gives. Every reply is an envelope, so an
 * error reaches the caller as a message instead of a crash.
 */
import type { Settings } from './settings';
import type { SyncStatus } from './sync-status';
import type { TermGroup, Watchlist, WatchlistDraft, WatchlistPatch } from './watchlist';

/** Verbs the background answers. */
export interface BackgroundProtocol {
  'watchlists/list': { req: Record<string, never>; res: Watchlist[] };
  'watchlists/create': { req: WatchlistDraft; res: Watchlist };
  'watchlists/update': { req: { id: string; patch: WatchlistPatch }; res: Watchlist };
  'watchlists/delete': { req: { id: string }; res: Watchlist | null };
  'watchlists/restore': { req: { list: Watchlist }; res: Watchlist };
  'watchlists/import': { req: { text: string }; res: { added: number; merged: number } };
  'watchlists/export': { req: Record<string, never>; res: { text: string } };
  'terms/add': { req: { id: string; group: TermGroup; terms: string[] }; res: Watchlist };
  'terms/remove': { req: { id: string; group: TermGroup; terms: string[] }; res: Watchlist };
  'settings/get': { req: Record<string, never>; res: Settings };
  'settings/update': { req: Partial<Settings>; res: Settings };
  /** Whether watchlists sync, which do not fit, and any problem with the synced copy. */
  'sync/status': { req: Record<string, never>; res: SyncStatus & { enabled: boolean } };
  'sites/list': { req: Record<string, never>; res: string[] };
  'sites/pause': { req: { host: string }; res: string[] };
  'sites/resume': { req: { host: string }; res: string[] };
  /** Content scripts: how many blocks this frame hides now. */
  'page/count': { req: { hidden: number }; res: null };
  /** Content scripts: asks for the page state when storage has none yet. */
  'page/refresh-snapshot': { req: Record<string, never>; res: null };
  /** Popup: how many blocks are hidden on a tab. */
  'tab/count': { req: { tabId: number }; res: number };
}

/** One show that hid a revealed block: the term found, and what lay past the viewer's episode. */
export interface WhyHidden {
  listId: string;
  title: string;
  term: string;
  past: string | null;
}

/** Verbs a content script answers (sent to a tab). */
export interface TabProtocol {
  'tab/reveal-all': { req: Record<string, never>; res: number };
  /** Why the block the user last revealed in the tab was hidden (asked by the popup). */
  'tab/why': { req: Record<string, never>; res: WhyHidden[] };
}

/** Verbs a content script may send: they only read, or report about their own frame. */
export const CONTENT_SCRIPT_VERBS: ReadonlySet<keyof BackgroundProtocol> = new Set([
  'page/count',
  'page/refresh-snapshot',
]);

export type Verb = keyof BackgroundProtocol;
export type RequestOf<P, K extends keyof P> = P[K] extends { req: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

/** A message on the wire. */
export interface Envelope<K extends string = string> {
  type: K;
  data: unknown;
}

/** A reply on the wire. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Whether an untrusted value looks like an envelope (its data is validated by the handler). */
export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'data' in value
  );
}

/** Thrown by a client when the other side answered with an error. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

/** Unwraps a reply, throwing its error message. */
export function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new RemoteError('No answer from the extension. Try again.');
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new RemoteError(r.error);
  return r.data;
}
