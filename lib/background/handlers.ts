/**
 * The background's message handler: maps each verb of `BackgroundProtocol` to a
 * database function. Writes are accepted only from the extension's own pages.
 */
import type { IDBPDatabase } from 'idb';
import type { PlotArmorDB } from '../db/schema';
import { getSettings, listPausedSites, pauseSite, resumeSite, updateSettings } from '../db/settings';
import { unsubscribe } from '../db/subscriptions';
import { readSyncRecord } from '../db/sync-state';
import {
  addTerms,
  createWatchlist,
  deleteWatchlist,
  importWatchlists,
  listWatchlists,
  removeTerms,
  restoreWatchlist,
  updateWatchlist,
} from '../db/watchlists';
import { parseWatchlistFile, serializeWatchlists } from '../format/watchlist-file';
import { isEnvelope, type BackgroundProtocol, type Reply, type Verb } from '../shared/messages';
import { problem, problemOf, ProblemError } from '../shared/problem';
import { readPublishReport } from '../db/publish-report';
import { parseRequest, REQUEST_SCHEMAS } from './requests';
import type { Subscriptions } from './subscriptions/service';
import type { TabCounts } from './tab-counts';

/** What the handler needs to know of a message's sender. */
export interface Sender {
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface HandlerDeps {
  db: () => Promise<IDBPDatabase<PlotArmorDB>>;
  /** Rewrites the state content scripts read, after a change. */
  publish: () => Promise<void>;
  /** Told after every write (watchlists or settings), e.g. to sync it. */
  written?: (verb: Verb) => void;
  /**
   * Runs a write and publishes after it (see `publisher.ts`: a write is marked until its
   * state is published, so a stopped worker publishes on its next start). Without it, a
   * write is run and then published.
   */
  write?: <T>(work: () => Promise<T>) => Promise<T>;
  counts: TabCounts;
  /** Subscribed watchlist files (absent: subscribing is refused with a message). */
  subscriptions?: Subscriptions;
  /** The extension's own origin, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

/**
 * Each verb's handler, with the verb's access as the protocol declares it: the compiler
 * refuses a handler whose `access` differs, so who may send a verb and whether it
 * republishes are decided in one place, the protocol.
 */
type Handlers = {
  [K in Verb]: {
    access: BackgroundProtocol[K]['access'];
    run(data: BackgroundProtocol[K]['req'], sender: Sender): Promise<BackgroundProtocol[K]['res']>;
  };
};

/** Creates the `runtime.onMessage` handler: every message gets a `Reply`, never an exception. */
export function createMessageHandler(deps: HandlerDeps) {
  const write = deps.write ?? (async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await work();
    await deps.publish();
    return result;
  });
  const subscriptions = (): Subscriptions => {
    if (!deps.subscriptions) throw new ProblemError(problem('subscriptions-unavailable'));
    return deps.subscriptions;
  };
  const handlers: Handlers = {
    'watchlists/list': { access: 'read', run: async () => listWatchlists(await deps.db()) },
    'watchlists/create': { access: 'write', run: async (draft) => createWatchlist(await deps.db(), draft) },
    'watchlists/update': { access: 'write', run: async ({ id, patch }) => updateWatchlist(await deps.db(), id, patch) },
    'watchlists/delete': { access: 'write', run: async ({ id }) => (await deleteWatchlist(await deps.db(), id)) ?? null },
    'watchlists/restore': {
      access: 'write',
      run: async ({ list }) => {
        const db = await deps.db();
        await restoreWatchlist(db, list);
        return list;
      },
    },
    'watchlists/import': {
      access: 'write',
      run: async ({ text }) => {
        const parsed = parseWatchlistFile(text);
        if (!parsed.ok) throw new ProblemError(parsed.error);
        return importWatchlists(await deps.db(), parsed.watchlists);
      },
    },
    'watchlists/export': { access: 'read', run: async () => ({ text: serializeWatchlists(await listWatchlists(await deps.db())) }) },
    'terms/add': { access: 'write', run: async ({ id, group, terms }) => addTerms(await deps.db(), id, group, terms) },
    'terms/remove': { access: 'write', run: async ({ id, group, terms }) => removeTerms(await deps.db(), id, group, terms) },
    'settings/get': { access: 'read', run: async () => getSettings(await deps.db()) },
    'settings/update': { access: 'write', run: async (patch) => updateSettings(await deps.db(), patch) },
    'sync/status': {
      access: 'read',
      run: async () => {
        const db = await deps.db();
        const [settings, record] = await Promise.all([getSettings(db), readSyncRecord(db)]);
        const status = record?.status ?? { unsynced: [], problem: null, lastSyncedAt: null };
        return { ...status, enabled: settings.syncWatchlists };
      },
    },
    'subscriptions/add': { access: 'write', run: async ({ url }) => subscriptions().subscribe(url) },
    'subscriptions/update': { access: 'write', run: async ({ url }) => subscriptions().update(url) },
    'subscriptions/remove': { access: 'write', run: async ({ id }) => unsubscribe(await deps.db(), id, Date.now()) },
    'sites/list': { access: 'read', run: async () => listPausedSites(await deps.db()) },
    'pages/report': { access: 'read', run: async () => readPublishReport(await deps.db()) },
    'sites/pause': {
      access: 'write',
      run: async ({ host }) => {
        const db = await deps.db();
        await pauseSite(db, host.toLowerCase());
        return listPausedSites(db);
      },
    },
    'sites/resume': {
      access: 'write',
      run: async ({ host }) => {
        const db = await deps.db();
        await resumeSite(db, host.toLowerCase());
        return listPausedSites(db);
      },
    },
    'page/count': {
      access: 'content',
      run: async ({ hidden }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) await deps.counts.set(tabId, sender.frameId ?? 0, hidden);
        return null;
      },
    },
    'page/refresh-snapshot': {
      access: 'content',
      run: async () => {
        await deps.publish();
        return null;
      },
    },
    'tab/count': { access: 'read', run: async ({ tabId }) => deps.counts.total(tabId) },
  };

  return async (message: unknown, sender: Sender): Promise<Reply<unknown>> => {
    if (!isEnvelope(message) || !Object.hasOwn(REQUEST_SCHEMAS, message.type)) {
      return { ok: false, error: problem('unknown-message') };
    }
    const type = message.type as Verb;
    const fromExtension = sender.url?.startsWith(deps.extensionOrigin) === true;
    const handler = handlers[type] as Handlers[Verb];
    if (!fromExtension && handler.access !== 'content') {
      return { ok: false, error: problem('not-allowed', type) };
    }
    const request = parseRequest(type, message.data);
    if (!request.ok) return request;
    try {
      const run = handler.run as (data: unknown, sender: Sender) => Promise<unknown>;
      const work = () => run(request.data, sender);
      const data = handler.access === 'write' ? await write(work) : await work();
      if (handler.access === 'write') deps.written?.(type);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: problemOf(error) };
    }
  };
}
