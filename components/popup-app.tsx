import type { TvmazeClient } from '../lib/tvmaze/client';
import { t } from '../lib/ui/i18n';
import type { SiteModel } from '../lib/ui/site-model';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { AddShow } from './add-show';
import { NoticeLine } from './notice-line';
import { ProgressLine } from './progress-line';
import { SearchableLists } from './searchable-lists';
import { SitePanel } from './site-panel';
import { TitleForm } from './title-form';
import { WatchlistList } from './watchlist-list';
import { WhyPanel } from './why-panel';

/** The toolbar popup: this site, the watchlists (searchable when many), quick add, a link to the options page. */
export function PopupApp({ model, site, tvmaze, openOptions }: { model: WatchlistsModel; site: SiteModel; tvmaze: TvmazeClient; openOptions: () => void }) {
  const lists = model.lists.value;
  // Shows followed episode by episode: linked, or hiding only what is past the viewer's episode.
  const episodic = lists.filter((list) => !!list.link || list.mode === 'past-progress');
  // With no watchlists yet, the popup offers the welcome page's "Add a show" instead of the list.
  if (model.loaded.value && lists.length === 0) {
    return (
      <main class="popup">
        <header class="row spread">
          <h1>{t('extension_name')}</h1>
          <a href="options.html" onClick={(e) => { e.preventDefault(); openOptions(); }}>
            {t('action_open_options')}
          </a>
        </header>
        <SitePanel site={site} />
        <section aria-labelledby="popup-add-heading">
          <h2 id="popup-add-heading">{t('label_quick_add')}</h2>
          <p class="hint">{t('empty_watchlists')}</p>
          <AddShow tvmaze={tvmaze} create={(draft) => model.create(draft)} />
        </section>
      </main>
    );
  }
  return (
    <main class="popup">
      <header class="row spread">
        <h1>{t('extension_name')}</h1>
        <a href="options.html" onClick={(e) => { e.preventDefault(); openOptions(); }}>
          {t('action_open_options')}
        </a>
      </header>
      <SitePanel site={site} />
      {site.why.value && site.why.value.length > 0 && <WhyPanel model={model} why={site.why.value} />}
      <NoticeLine notice={model.notice.value} />
      {episodic.length > 0 && (
        <section aria-labelledby="popup-episodes-heading" class="episodes">
          <h2 id="popup-episodes-heading">{t('episodes_heading')}</h2>
          <ul class="watchlists">
            {episodic.map((list) => (
              <li key={list.id} class="watchlist">
                <span class="title">{list.title}</span>
                <ProgressLine model={model} list={list} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="popup-lists-heading">
        <h2 id="popup-lists-heading">{t('heading_watchlists')}</h2>
        <SearchableLists lists={lists} loaded={model.loaded.value}>
          {(shown) => <WatchlistList model={model} lists={shown} />}
        </SearchableLists>
      </section>
      <TitleForm label={t('label_quick_add')} submitLabel={t('action_create')} clearOnSuccess onSubmit={(title) => model.create({ title })} />
    </main>
  );
}
