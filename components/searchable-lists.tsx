import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { filterLists, SEARCH_THRESHOLD } from '../lib/ui/filter';
import { t } from '../lib/ui/i18n';
import type { Watchlist } from '../lib/shared/watchlist';

/**
 * Around a list of watchlists: a search box once there are many, and the messages for
 * no watchlists at all and for a search that matches none. `children` renders the
 * lists that pass the search.
 */
export function SearchableLists(props: {
  lists: Watchlist[];
  loaded: boolean;
  children: (shown: readonly Watchlist[]) => ComponentChildren;
}) {
  const { lists } = props;
  const [query, setQuery] = useState('');
  const shown = filterLists(lists, query);
  return (
    <>
      {lists.length > SEARCH_THRESHOLD && (
        <input
          type="search"
          class="search"
          aria-label={t('label_search')}
          placeholder={t('label_search')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      )}
      {props.loaded && lists.length === 0 && <p class="empty">{t('empty_watchlists')}</p>}
      {lists.length > 0 && shown.length === 0 && <p class="empty">{t('search_none', query)}</p>}
      {props.children(shown)}
    </>
  );
}
