import { useState } from 'preact/hooks';
import { filterLists, SEARCH_THRESHOLD } from '../lib/ui/filter';
import { t } from '../lib/ui/i18n';
import type { SiteModel } from '../lib/ui/site-model';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { NoticeLine } from './notice-line';
import { SitePanel } from './site-panel';
import { TitleForm } from './title-form';
import { WatchlistList } from './watchlist-list';

/** The toolbar popup: this site, the watchlists (searchable when many), quick add, a link to the options page. */
export function PopupApp({ model, site, openOptions }: { model: WatchlistsModel; site: SiteModel; openOptions: () => void }) {
  const [query, setQuery] = useState('');
  const lists = model.lists.value;
  const shown = filterLists(lists, query);
  return (
    <main class="popup">
      <header class="row spread">
        <h1>{t('extension_name')}</h1>
        <a href="options.html" onClick={(e) => { e.preventDefault(); openOptions(); }}>
          {t('action_open_options')}
        </a>
      </header>
      <SitePanel site={site} />
      <NoticeLine notice={model.notice.value} />
      <section aria-labelledby="popup-lists-heading">
        <h2 id="popup-lists-heading">{t('heading_watchlists')}</h2>
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
        {model.loaded.value && lists.length === 0 && <p class="empty">{t('empty_watchlists')}</p>}
        {lists.length > 0 && shown.length === 0 && <p class="empty">{t('search_none', query)}</p>}
        <WatchlistList model={model} lists={shown} />
      </section>
      <TitleForm label={t('label_quick_add')} submitLabel={t('action_create')} clearOnSuccess onSubmit={(title) => model.create({ title })} />
    </main>
  );
}
