import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { AddWatchlistForm } from './add-watchlist-form';
import { ImportExport } from './import-export';
import { NoticeLine } from './notice-line';
import { WatchlistList } from './watchlist-list';

/** The options page: import/export, the watchlists, adding a show. */
export function OptionsApp({ model, download }: { model: WatchlistsModel; download: (text: string) => void }) {
  return (
    <main class="options">
      <h1>Plot Armor watchlists</h1>
      <ImportExport model={model} download={download} />
      <NoticeLine notice={model.notice.value} />
      <h2>Your watchlists</h2>
      <WatchlistList model={model} />
      <h2>Add a show</h2>
      <AddWatchlistForm model={model} />
    </main>
  );
}
