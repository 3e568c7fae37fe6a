import { t } from '../lib/ui/i18n';
import type { SiteModel } from '../lib/ui/site-model';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { NoticeLine } from './notice-line';
import { ProgressLine } from './progress-line';
import { SearchableLists } from './searchable-lists';
import { SitePanel } from './site-panel';
import { TitleForm } from './title-form';
import { WatchlistList } from './watchlist-list';
import { WhyPanel } from './why-panel';

/** The toolbar popup: this site, the watchlists (searchable when many), quick add, a link to the options page. */
export function PopupApp({ model, site, openOptions }: { model: WatchlistsModel; site: SiteModel; openOptions: () => void }) {
  const lists = model.lists.value;
  // Shows followed episode by episode: linked, or hiding only what is past the viewer's episode.
  const episodic = lists.filter((list) => !!list.link || list.mode === 'past-progress');
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
