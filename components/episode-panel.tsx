import { useMemo, useState } from 'preact/hooks';
import type { Watchlist } from '../lib/shared/watchlist';
import type { TvmazeClient } from '../lib/tvmaze/client';
import { formatDay } from '../lib/ui/dates';
import { t } from '../lib/ui/i18n';
import { createLinkModel } from '../lib/ui/link-model';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { ProgressLine } from './progress-line';
import { TermChips } from './term-chips';

/**
 * A watchlist's episodes: what it hides (everything, or only what is past the viewer's
 * episode), how far the viewer is, the link to the show's episode list on TVmaze, and
 * the exceptions that never cause hiding.
 */
export function EpisodePanel({ model, list, tvmaze }: { model: WatchlistsModel; list: Watchlist; tvmaze?: TvmazeClient }) {
  const links = useMemo(
    () => tvmaze && createLinkModel(tvmaze, (link) => model.update(list.id, { link })),
    [tvmaze, list.id],
  );
  const [query, setQuery] = useState(list.title);
  return (
    <section class="episodes" aria-labelledby="episodes-heading">
      <h3 id="episodes-heading">{t('episodes_heading')}</h3>
      <fieldset class="row">
        <legend>{t('mode_label')}</legend>
        <label>
          <input type="radio" name="mode" checked={list.mode === 'everything'} onChange={() => void model.update(list.id, { mode: 'everything' })} />{' '}
          {t('mode_everything')}
        </label>
        <label>
          <input type="radio" name="mode" checked={list.mode === 'past-progress'} onChange={() => void model.update(list.id, { mode: 'past-progress' })} />{' '}
          {t('mode_past')}
        </label>
      </fieldset>
      <ProgressLine model={model} list={list} />
      {list.mode === 'everything' && list.link && (
        <label>
          <input type="checkbox" checked={list.onlyWhileBehind} onChange={(e) => void model.update(list.id, { onlyWhileBehind: e.currentTarget.checked })} />{' '}
          {t('only_while_behind')}
        </label>
      )}
      {list.link ? (
        <p class="row">
          <span>
            {list.link.refreshedAt === 0
              ? t('link_pending')
              : t('link_status', [list.link.episodes.length, formatDay(list.link.refreshedAt)])}
          </span>
          {links && (
            <button type="button" onClick={() => void links.unlink()}>
              {t('action_unlink')}
            </button>
          )}
        </p>
      ) : (
        links && (
          <form
            class="row"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              void links.search(query);
            }}
          >
            <input type="search" aria-label={t('link_query_label')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            <button type="submit" disabled={links.busy.value}>{t('action_link_search')}</button>
          </form>
        )
      )}
      {links && <p class="field-error" aria-live="polite">{links.error.value ?? (links.busy.value ? t('tvmaze_loading') : '')}</p>}
      {links?.results.value && !list.link && (
        <ul class="tvmaze-results" aria-label={t('tvmaze_results')}>
          {links.results.value.map((show) => (
            <li key={show.id}>
              <button type="button" onClick={() => void links.link(show.id)}>
                {t('action_link_named', show.year === null ? show.name : `${show.name} (${show.year})`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <TermChips
        label={t('exceptions_label')}
        placeholder={t('exceptions_placeholder')}
        terms={list.exceptions}
        onAdd={(terms) => void model.update(list.id, { exceptions: [...list.exceptions, ...terms] })}
        onRemove={(term) => void model.update(list.id, { exceptions: list.exceptions.filter((x) => x !== term) })}
      />
    </section>
  );
}
