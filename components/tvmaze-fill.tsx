import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../lib/ui/i18n';
import type { TermGroup } from '../lib/shared/watchlist';
import type { TvmazeClient } from '../lib/tvmaze/client';
import { createTvmazeModel } from '../lib/ui/tvmaze-model';
import { CandidateReview } from './candidate-review';

/**
 * "Fill from TVmaze": search a show, pick it, tick the names to keep, save. Nothing is
 * requested until the user presses Search.
 */
export function TvmazeFill(props: { api: TvmazeClient; listTitle: string; save: (group: TermGroup, terms: string[]) => Promise<unknown> }) {
  // The model lives as long as the component; it calls the latest `save` (a new closure each render).
  const save = useRef(props.save);
  save.current = props.save;
  const model = useMemo(() => createTvmazeModel(props.api, (group, terms) => save.current(group, terms)), [props.api]);
  const [query, setQuery] = useState(props.listTitle);
  const phase = model.phase.value;
  const busy = phase === 'busy';
  return (
    <details class="tvmaze">
      <summary>{t('tvmaze_heading')}</summary>
      <p class="hint">{t('tvmaze_privacy')}</p>
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void model.search(query);
        }}
      >
        <input type="search" aria-label={t('tvmaze_query_label')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="submit" disabled={busy}>{t('tvmaze_search')}</button>
      </form>
      <p class="field-error" aria-live="polite">{model.error.value ?? (busy ? t('tvmaze_loading') : '')}</p>
      {phase === 'results' && model.results.value.length === 0 && <p>{t('tvmaze_no_results', query)}</p>}
      {phase === 'results' && model.results.value.length > 0 && (
        <ul class="tvmaze-results" aria-label={t('tvmaze_results')}>
          {model.results.value.map((show) => (
            <li key={show.id}>
              <button type="button" onClick={() => void model.pick(show, props.listTitle)}>
                {show.name}
                {show.year !== null && ` (${show.year})`}
                {show.network && ` · ${show.network}`}
              </button>
            </li>
          ))}
        </ul>
      )}
      {phase === 'review' && model.picked.value && (
        <form
          class="tvmaze-review"
          onSubmit={(e) => {
            e.preventDefault();
            void model.save();
          }}
        >
          <CandidateReview show={model.picked.value.name} candidates={model.candidates.value} toggle={(i) => model.toggle(i)} />
          <div class="row">
            <button type="submit">{t('tvmaze_save')}</button>
            <button type="button" onClick={() => model.cancel()}>{t('action_cancel')}</button>
          </div>
        </form>
      )}
    </details>
  );
}
