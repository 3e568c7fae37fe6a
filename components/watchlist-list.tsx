import type { WatchlistsModel } from '../lib/ui/watchlists-model';

/** The watchlists, each with its terms count and an on/off switch. */
export function WatchlistList({ model }: { model: WatchlistsModel }) {
  const lists = model.lists.value;
  if (model.loaded.value && lists.length === 0) {
    return <p class="empty">No watchlists yet. Add a show, or import a file.</p>;
  }
  return (
    <ul class="watchlists" aria-label="Watchlists">
      {lists.map((list) => {
        const terms = list.characters.length + list.cast.length + list.keywords.length;
        return (
          <li key={list.id} class="watchlist">
            <label>
              <input
                type="checkbox"
                role="switch"
                checked={list.enabled}
                onChange={(e) => void model.setEnabled(list.id, e.currentTarget.checked)}
              />
              <span class="title">{list.title}</span>
            </label>
            <span class="count">{terms} term{terms === 1 ? '' : 's'}</span>
          </li>
        );
      })}
    </ul>
  );
}
