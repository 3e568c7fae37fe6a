/**
 * Wires the background: opens the database, answers messages, keeps the content
 * scripts' state in `storage.local` and the toolbar badge up to date.
 */
import type { browser } from 'wxt/browser';
import { openPlotArmorDb } from '../db/open';
import { readPublishReport } from '../db/publish-report';
import { getSettings } from '../db/settings';
import { addTerms, listWatchlists } from '../db/watchlists';
import { createContextMenu } from './context-menu';
import { createEarlyStatePublisher, type ContentScriptsApi } from './early-state';
import { createMessageHandler } from './handlers';
import { pageStateFromDb, publishPageState } from './publish';
import { wordTemplates } from '../shared/page-words';
import { createTvmazeClient } from '../tvmaze/client';
import { createPublisher } from './publisher';
import { createShowRefresh } from './show-refresh';
import { startSubscriptions } from './subscriptions/wiring';
import { startWatchlistSync } from './sync/wiring';
import { createTabCounts } from './tab-counts';
import { openWelcomeOnInstall } from './welcome';

/** Starts the background; `api` is the extension API (`browser` or a fake). */
export function startBackground(api: typeof browser): void {
  let dbPromise: ReturnType<typeof openPlotArmorDb> | null = null;
  const db = () => (dbPromise ??= openPlotArmorDb());
  const menus = api.contextMenus ?? null;
  const menu = menus && createContextMenu({
    menus,
    lists: async () => listWatchlists(await db()),
    addTerms: async (id, group, terms) => {
      await publisher.write(async () => addTerms(await db(), id, group, terms));
      sync?.localChanged();
    },
    openOptions: () => api.runtime.openOptionsPage(),
    // WXT types getMessage from the catalogue seen at `wxt prepare`; these keys are in it.
    msg: (key) => (api.i18n.getMessage as (name: string) => string)(key),
  });
  // Firefox (MV2) only: Chromium's MV3 API has no `contentScripts`.
  const contentScripts = (api as unknown as { contentScripts?: ContentScriptsApi }).contentScripts ?? null;
  const early = createEarlyStatePublisher(contentScripts);
  // What content scripts write into pages, in the browser's language (lib/shared/page-words.ts).
  const words = wordTemplates((key, substitutions) => api.i18n.getMessage(key, substitutions));
  const publish = async () => {
    const outcome = await publishPageState(await db(), api.storage.local, Date.now(), words);
    if (!outcome.stale) await early.publish(outcome.items);
    await counts.setBadgeEnabled(outcome.settings.showBadge);
    void menu?.rebuild(); // the context menu lists the watchlists
  };
  const counts = createTabCounts({
    setBadgeText: async (tabId, text) => {
      const action = api.action ?? api.browserAction;
      await action.setBadgeText({ tabId, text });
    },
    area: api.storage.session ?? null,
  });
  const publisher = createPublisher({ db, publish });
  // Linked shows' episode lists, refreshed about daily (with subscribed files, the only requests the background makes).
  const shows = createShowRefresh({
    db,
    client: createTvmazeClient((url) => fetch(url)),
    publish,
    alarms: api.alarms ?? null,
  });
  // Watchlists sync through storage.sync; the database stays the source of truth. A show
  // linked on another device arrives as its id alone: its episode list is fetched here.
  const sync = startWatchlistSync(api, {
    db,
    write: async <T,>(work: () => Promise<T>): Promise<T> => {
      const done = await publisher.write(work);
      void shows.refreshDue().catch(() => {});
      return done;
    },
  });
  // Watchlist files the user subscribed to, updated about daily.
  const subscriptions = startSubscriptions(api, { db, write: publisher.write, written: () => sync?.localChanged() });
  const handle = createMessageHandler({
    db,
    publish,
    write: publisher.write,
    written: () => sync?.localChanged(),
    counts,
    subscriptions,
    extensionOrigin: api.runtime.getURL('/'),
  });

  api.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  menus?.onClicked.addListener((info) => void menu?.onClicked(info).catch(() => {}));
  api.tabs.onRemoved.addListener((tabId) => void counts.forget(tabId));
  // A tab that loads a new page starts counting again (its old frames are gone).
  api.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') void counts.forget(tabId);
  });
  shows.listen();
  api.runtime.onInstalled.addListener((details) => {
    void publish();
    shows.schedule();
    void openWelcomeOnInstall(details, (url) => api.tabs.create({ url }), api.runtime.getURL('/welcome.html')).catch(() => {});
  });
  api.runtime.onStartup.addListener(() => {
    void publish();
    shows.schedule();
  });
  // A registered script lives as long as the background that registered it: register
  // again whenever the background starts (storage, which outlives it, is left alone).
  if (contentScripts) {
    void db()
      .then((d) => pageStateFromDb(d, Date.now(), undefined, words))
      .then(({ items }) => early.publish(items))
      .catch(() => {});
  }
  // Writes an earlier run did not get to publish (the browser stopped it, or storage
  // refused the pages' copy) are published now.
  void publisher.resume().catch(() => {});
  void db()
    .then(readPublishReport)
    .then((report) => (report.stale ? publish() : undefined))
    .catch(() => {});
  void db()
    .then(getSettings)
    .then((settings) => counts.setBadgeEnabled(settings.showBadge))
    .catch(() => {});
}
