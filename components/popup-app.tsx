import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { AddWatchlistForm } from './add-watchlist-form';
import { NoticeLine } from './notice-line';
import { WatchlistList } from './watchlist-list';

/** The toolbar popup: the watchlists, quick add, a link to the options page. */
export function PopupApp({ model, openOptions }: { model: WatchlistsModel; openOptions: () => void }) {
  return (
    <main class="popup">
      <h1>Plot Armor</h1>
      <NoticeLine notice={model.notice.value} />
      <WatchlistList model={model} />
      <h2>Add a show</h2>
      <AddWatchlistForm model={model} />
      <p>
        <a href="#" onClick={(e) => { e.preventDefault(); openOptions(); }}>
          All settings and import/export
        </a>
      </p>
    </main>
  );
}
