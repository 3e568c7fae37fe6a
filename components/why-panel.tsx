import type { WhyHidden } from '../lib/shared/messages';
import { t } from '../lib/ui/i18n';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';

/**
 * After the user revealed a block on the page: which show hid it and for which words,
 * with one click to make those words an exception of that show.
 */
export function WhyPanel({ model, why }: { model: WatchlistsModel; why: readonly WhyHidden[] }) {
  return (
    <section aria-labelledby="why-heading" class="why">
      <h2 id="why-heading">{t('why_heading')}</h2>
      <ul>
        {why.map((r) => {
          const list = model.lists.value.find((l) => l.id === r.listId);
          const excepted = list?.exceptions.some((e) => e.toLowerCase() === r.term.toLowerCase());
          return (
            <li key={`${r.listId}:${r.term}`}>
              <span>{t('why_reason', [r.title, r.term])}</span>
              {r.past !== null && <span class="count"> · {t('why_past', r.past)}</span>}{' '}
              {list && !excepted && (
                <button type="button" onClick={() => void model.update(list.id, { exceptions: [...list.exceptions, r.term] })}>
                  {t('action_add_exception', r.term)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
