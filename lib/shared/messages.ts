/**
 * The one message protocol between the extension's parts: a map from verb to the
 * request it takes and the response it gives. Every reply is an envelope, so an
 * error reaches the caller as a message instead of a crash.
 */
import { isProblem, problem, ProblemError, type Problem } from './problem';
import type { PublishReport } from './page-state';
import type { Settings } from './settings';
import type { SyncStatus } from './sync-status';
import type { TermGroup, Watchlist, WatchlistDraft, WatchlistPatch } from './watchlist';

/**
 * Who may send a verb. `read` and `write` are accepted only from the extension's own
 * pages, and after a `write` the background republishes the content scripts' state;
 * `content` is accepted from content scripts too: such a verb only reads, or reports
 * about the sender's own frame (content scripts run next to hostile pages).
 */
export type Access = 'read' | 'write' | 'content';

/** One verb: the request it takes, the response it gives, and who may send it. */
interface Spec<Req, Res, A extends Access> {
  req: Req;
  res: Res;
  access: A;
}

type None = Record<string, never>;

/** What applying a subscribed file changed, by watchlist title. */
export interface SubscriptionSummary {
  added: string[];
  updated: string[];
  /** Lists following the file whose list is gone from it (kept as they were). */
  missing: string[];
}

/** Verbs the background answers. */
export interface BackgroundProtocol {
  'watchlists/list': Spec<None, Watchlist[], 'read'>;
  'watchlists/create': Spec<WatchlistDraft, Watchlist, 'write'>;
  'watchlists/update': Spec<{ id: string; patch: WatchlistPatch }, Watchlist, 'write'>;
  'watchlists/delete': Spec<{ id: string }, Watchlist | null, 'write'>;
  'watchlists/restore': Spec<{ list: Watchlist }, Watchlist, 'write'>;
  'watchlists/import': Spec<{ text: string }, { added: number; merged: number }, 'write'>;
  'watchlists/export': Spec<None, { text: string }, 'read'>;
  'terms/add': Spec<{ id: string; group: TermGroup; terms: string[] }, Watchlist, 'write'>;
  'terms/remove': Spec<{ id: string; group: TermGroup; terms: string[] }, Watchlist, 'write'>;
  'settings/get': Spec<None, Settings, 'read'>;
  'settings/update': Spec<Partial<Settings>, Settings, 'write'>;
  /** Whether watchlists sync, which do not fit, and any problem with the synced copy. */
  'sync/status': Spec<None, SyncStatus & { enabled: boolean }, 'read'>;
  /** Subscribes to the watchlist file at `url` (fetched now); which lists it added or updated. */
  'subscriptions/add': Spec<{ url: string }, SubscriptionSummary, 'write'>;
  /** Fetches a subscribed file again now. */
  'subscriptions/update': Spec<{ url: string }, SubscriptionSummary, 'write'>;
  /** Stops following the file; the list keeps the file's terms as its own. */
  'subscriptions/remove': Spec<{ id: string }, Watchlist, 'write'>;
  'sites/list': Spec<None, string[], 'read'>;
  'sites/pause': Spec<{ host: string }, string[], 'write'>;
  'sites/resume': Spec<{ host: string }, string[], 'write'>;
  /** Content scripts: how many blocks this frame hides now. */
  'page/count': Spec<{ hidden: number }, null, 'content'>;
  /** Content scripts: asks for the page state when storage has none yet. */
  'page/refresh-snapshot': Spec<None, null, 'content'>;
  /** What the last publish of the page state achieved: lists pages do not get, or an out-of-date copy. */
  'pages/report': Spec<None, PublishReport, 'read'>;
  /** Popup: how many blocks are hidden on a tab. */
  'tab/count': Spec<{ tabId: number }, number, 'read'>;
}

/** One show that hid a revealed block: the term found, and what lay past the viewer's episode. */
export interface WhyHidden {
  listId: string;
  title: string;
  term: string;
  past: string | null;
}

/** Verbs a content script answers (sent to a tab by the popup). */
export interface TabProtocol {
  'tab/reveal-all': { req: None; res: number };
  /** Why the block the user last revealed in the tab was hidden (asked by the popup). */
  'tab/why': { req: None; res: WhyHidden[] };
}

export type Verb = keyof BackgroundProtocol;
/** The verbs of one access kind, e.g. `VerbOf<'content'>`: those a content script may send. */
export type VerbOf<A extends Access> = { [K in Verb]: BackgroundProtocol[K]['access'] extends A ? K : never }[Verb];
export type TabVerb = keyof TabProtocol;
export type RequestOf<P, K extends keyof P> = P[K] extends { req: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

/** A message on the wire. */
export interface Envelope<K extends string = string> {
  type: K;
  data: unknown;
}

/** A reply on the wire: the data, or the problem the UI words for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: Problem };

/** Whether an untrusted value looks like an envelope (its data is validated by the handler). */
export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'data' in value
  );
}

/** Thrown by a client when the other side answered with a problem (or with nothing usable). */
export class RemoteError extends ProblemError {
  override name = 'RemoteError';
}

/** Unwraps a reply, throwing its problem. */
export function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new RemoteError(problem('no-answer'));
  }
  const r = reply as Reply<T>;
  if (!r.ok) throw new RemoteError(isProblem(r.error) ? r.error : problem('failed'));
  return r.data;
}
