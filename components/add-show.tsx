import { useId, useMemo, useState } from 'preact/hooks';
import type { Watchlist, WatchlistDraft } from '../lib/shared/watchlist';
import type { TvmazeClient } from '../lib/tvmaze/client';
import { createAddShowModel, type AddShowModel } from '../lib/ui/add-show-model';
import { t } from '../lib/ui/i18n';
import { CandidateReview } from './candidate-review';
import { NoticeLine } from './notice-line';

/**
 * "Add a show": search TVmaze (the button says the name is sent), pick, review the names,
 * add; or type a show by hand. Used by the welcome page and by the popup with no lists.
 */
export function AddShow(props: { tvmaze: TvmazeClient; create: (draft: WatchlistDraft) => Promise<Watchlist> }) {
  const model = useMemo(() => createAddShowModel(props.tvmaze, props.create), [props.tvmaze]);
  return (
    <div class="add-show">
      {model.mode.value === 'search' ? <SearchShow model={model} /> : <ManualShow model={model} />}
      <NoticeLine notice={model.outcome.value} />
    </div>
  );
}

function SearchShow({ model }: { model: AddShowModel }) {
  const search = model.search;
  const [query, setQuery] = useState('');
  const phase = search.phase.value;
  const busy = phase === 'busy';
  const show = search.picked.value;
  const consentId = useId();
  return (
    <>
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search.search(query);
        }}
      >
        <input type="search" aria-label={t('add_show_query_label')} aria-describedby={consentId} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="submit" disabled={busy}>{t('add_show_search')}</button>
      </form>
      <p class="hint" id={consentId}>{t('add_show_consent')}</p>
      <p class="field-error" aria-live="polite">{search.error.value ?? (busy ? t('tvmaze_loading') : '')}</p>
      {phase === 'results' && search.results.value.length === 0 && <p>{t('tvmaze_no_results', query)}</p>}
      {phase === 'results' && search.results.value.length > 0 && (
        <ul class="tvmaze-results" aria-label={t('tvmaze_results')}>
          {search.results.value.map((found) => (
            <li key={found.id}>
              <button type="button" onClick={() => void search.pick(found, found.name)}>
                {found.name}
                {found.year !== null && ` (${found.year})`}
                {found.network && ` · ${found.network}`}
              </button>
            </li>
          ))}
        </ul>
      )}
      {phase === 'review' && show && (
        <form
          class="tvmaze-review"
          onSubmit={(e) => {
            e.preventDefault();
            void model.addPicked().then((ok) => ok && setQuery(''));
          }}
        >
          <CandidateReview show={show.name} candidates={search.candidates.value} toggle={(i) => search.toggle(i)} />
          <div class="row">
            <button type="submit">{t('add_show_add')}</button>
            <button type="button" onClick={() => search.cancel()}>{t('action_cancel')}</button>
          </div>
        </form>
      )}
      <button type="button" class="link-button" onClick={() => model.setMode('manual')}>{t('add_show_manual')}</button>
    </>
  );
}

function ManualShow({ model }: { model: AddShowModel }) {
  const [title, setTitle] = useState('');
  const [characters, setCharacters] = useState('');
  const [cast, setCast] = useState('');
  const id = useId();
  return (
    <>
      <form
        class="manual-show"
        onSubmit={(e) => {
          e.preventDefault();
          void model.addManual(title, characters, cast).then((ok) => {
            if (!ok) return;
            setTitle('');
            setCharacters('');
            setCast('');
          });
        }}
      >
        <label for={`${id}-title`}>{t('label_title')}</label>
        <input id={`${id}-title`} type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        <label for={`${id}-characters`}>{t('group_characters')}</label>
        <textarea id={`${id}-characters`} rows={3} aria-describedby={`${id}-hint`} value={characters} onInput={(e) => setCharacters(e.currentTarget.value)} />
        <label for={`${id}-cast`}>{t('group_cast')}</label>
        <textarea id={`${id}-cast`} rows={3} aria-describedby={`${id}-hint`} value={cast} onInput={(e) => setCast(e.currentTarget.value)} />
        <p class="hint" id={`${id}-hint`}>{t('add_show_names_hint')}</p>
        <button type="submit">{t('add_show_add')}</button>
      </form>
      <button type="button" class="link-button" onClick={() => model.setMode('search')}>{t('add_show_back_to_search')}</button>
    </>
  );
}
