import { useState } from 'preact/hooks';
import { episodeLabel } from '../lib/shared/episodes';
import type { Watchlist } from '../lib/shared/watchlist';
import { t } from '../lib/ui/i18n';
import { episodeText, progressAfter, progressOf, progressState, progressValue } from '../lib/ui/progress';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';

/**
 * "Watched up to": a picker from the real episode list when the list is linked, typed
 * season and episode otherwise; and, once an episode past it has aired, "New: S2E6 —
 * watched it?" and "I've watched the latest", each one click.
 */
export function ProgressLine({ model, list, now = Date.now() }: { model: WatchlistsModel; list: Watchlist; now?: number }) {
  const { next, latest, progress } = progressState(list, now);
  const save = (p: Watchlist['progress']) => void model.update(list.id, { progress: p });
  return (
    <div class="progress">
      {list.link && list.link.episodes.length > 0 ? (
        <label>
          {t('progress_label')}{' '}
          <select value={progressValue(list.progress)} onChange={(e) => save(progressOf(e.currentTarget.value))}>
            <option value="0:0">{t('progress_nothing')}</option>
            {list.link.episodes.map((e) => (
              <option key={`${e.season}:${e.number}`} value={`${e.season}:${e.number}`}>
                {episodeText(e)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <TypedProgress season={progress.season} episode={progress.episode} onSave={(p) => save(p)} />
      )}
      {next && (
        <button type="button" class="new-episode" onClick={() => save(progressAfter(next))}>
          {t('new_episode', episodeLabel(next))}
        </button>
      )}
      {latest && (
        <button type="button" onClick={() => save(progressAfter(latest))}>
          {t('action_watched_latest')}
        </button>
      )}
    </div>
  );
}

/** Season and episode typed in, saved together. */
function TypedProgress(props: { season: number; episode: number; onSave: (p: { season: number; episode: number }) => void }) {
  const [season, setSeason] = useState(String(props.season));
  const [episode, setEpisode] = useState(String(props.episode));
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave({ season: Number(season), episode: Number(episode) });
      }}
    >
      <span>{t('progress_label')}</span>
      <label>
        {t('progress_season')}{' '}
        <input type="number" min={1} max={1000} required value={season} onInput={(e) => setSeason(e.currentTarget.value)} />
      </label>
      <label>
        {t('progress_episode')}{' '}
        <input type="number" min={0} max={10000} required value={episode} onInput={(e) => setEpisode(e.currentTarget.value)} />
      </label>
      <button type="submit">{t('action_save_progress')}</button>
    </form>
  );
}
