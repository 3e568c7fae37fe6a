import { hidingTerms } from '../lib/shared/subscription';
import { formatDay } from '../lib/ui/dates';
import { t, uiLanguage } from '../lib/ui/i18n';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import type { Watchlist } from '../lib/shared/watchlist';

/**
 * Watchlists, each with an on/off switch, its term count and its "hide until" date if
 * any (or that the date has passed, so the list hides nothing any more); with `onEdit`, an Edit button each (options page). Plain markup only: the popup
 * renders hundreds of these and must open fast.
 */
export function WatchlistList(props: {
  model: WatchlistsModel;
  lists: readonly Watchlist[];
  onEdit?: (id: string) => void;
  selectedId?: string | null;
}) {
  const { model, lists, onEdit } = props;
  const now = Date.now();
  return (
    <ul class="watchlists" aria-label={t('heading_watchlists')}>
      {lists.map((list) => {
        // A subscribed list counts the file's terms too: all it hides with.
        const { characters, cast, keywords } = hidingTerms(list);
        const terms = characters.length + cast.length + keywords.length;
        return (
          <li key={list.id} class={`watchlist${props.selectedId === list.id ? ' selected' : ''}`}>
            <label class="switch-label">
              <input
                type="checkbox"
                role="switch"
                checked={list.enabled}
                onChange={(e) => void model.setEnabled(list.id, e.currentTarget.checked)}
              />
              <span class="title">{list.title}</span>
            </label>
            <span class="meta">
              <span class="count">{t('term_count', terms)}</span>
              {list.hideUntil !== null &&
                (list.hideUntil > now ? (
                  <span class="snooze">{t('hide_until_short', formatDay(list.hideUntil, uiLanguage()))}</span>
                ) : (
                  <span class="snooze ended">{t('hide_until_ended', formatDay(list.hideUntil, uiLanguage()))}</span>
                ))}
            </span>
            {onEdit && (
              <button type="button" class="edit" aria-label={t('action_edit_named', list.title)} onClick={() => onEdit(list.id)}>
                {t('action_edit')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
