import type { TvmazeClient } from '../lib/tvmaze/client';
import { formatDay } from '../lib/ui/dates';
import { t, uiLanguage } from '../lib/ui/i18n';
import type { SettingsModel } from '../lib/ui/settings-model';
import type { SubscriptionsModel } from '../lib/ui/subscriptions-model';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { ImportExport } from './import-export';
import { LivePreview } from './live-preview';
import { NoticeLine } from './notice-line';
import { SearchableLists } from './searchable-lists';
import { SettingsPanel } from './settings-panel';
import { SubscribeForm } from './subscribe-form';
import { TitleForm } from './title-form';
import { WatchlistEditor } from './watchlist-editor';
import { WatchlistList } from './watchlist-list';

/** The options page: the watchlists and their editor, live preview, settings, import/export. */
export function OptionsApp(props: {
  model: WatchlistsModel;
  settings: SettingsModel;
  tvmaze?: TvmazeClient;
  subscriptions?: SubscriptionsModel;
  download: (text: string) => void;
}) {
  const { model } = props;
  const lists = model.lists.value;
  const selected = lists.find((list) => list.id === model.selectedId.value);
  const select = (id: string) => (model.selectedId.value = id);
  const { leftOut, stale, publishedAt } = model.pages.value;
  return (
    <main class="options">
      <h1>{t('options_heading')}</h1>
      <NoticeLine notice={model.notice.value} onUndo={() => void model.undo()} />
      <div class="options-grid">
        <section aria-labelledby="lists-heading" class="lists-pane">
          <h2 id="lists-heading">{t('heading_watchlists')}</h2>
          {stale && (
            <p class="left-out" role="alert">
              {publishedAt === null ? t('pages_copy_refused_never') : t('pages_copy_refused', formatDay(publishedAt, uiLanguage()))}
            </p>
          )}
          {leftOut.length > 0 && <p class="left-out">{t('lists_left_off_pages', leftOut.join(', '))}</p>}
          <TitleForm
            label={t('label_new_watchlist')}
            submitLabel={t('action_create')}
            clearOnSuccess
            onSubmit={async (title) => select((await model.create({ title })).id)}
          />
          <SearchableLists lists={lists} loaded={model.loaded.value}>
            {(shown) => <WatchlistList model={model} lists={shown} onEdit={select} selectedId={model.selectedId.value} />}
          </SearchableLists>
        </section>
        <div class="editor-pane">
          {selected ? (
            <WatchlistEditor key={selected.id} model={model} list={selected} tvmaze={props.tvmaze} subscriptions={props.subscriptions} />
          ) : (
            <p class="empty">{t('editor_none')}</p>
          )}
        </div>
      </div>
      <LivePreview lists={lists} />
      <SettingsPanel settings={props.settings} />
      <ImportExport model={model} download={props.download} />
      {props.subscriptions && <SubscribeForm model={props.subscriptions} />}
    </main>
  );
}
