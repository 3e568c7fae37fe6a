import { useEffect, useRef } from 'preact/hooks';
import { fromDateInput, toDateInput } from '../lib/ui/dates';
import { t, type MessageKey } from '../lib/ui/i18n';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { TERM_GROUPS, type Watchlist } from '../lib/shared/watchlist';
import type { TvmazeClient } from '../lib/tvmaze/client';
import { EpisodePanel } from './episode-panel';
import type { SubscriptionsModel } from '../lib/ui/subscriptions-model';
import { SubscriptionBox } from './subscription-box';
import { TermChips } from './term-chips';
import { TitleForm } from './title-form';
import { TvmazeFill } from './tvmaze-fill';

const GROUPS = TERM_GROUPS.map((group) => ({
  group,
  label: `group_${group}` satisfies MessageKey,
  placeholder: `placeholder_${group}` satisfies MessageKey,
}));

/** Edits one watchlist: title, on/off, name-part matching, hide-until date, the three term groups, TVmaze fill, delete. */
export function WatchlistEditor({ model, list, tvmaze, subscriptions }: {
  model: WatchlistsModel;
  list: Watchlist;
  tvmaze?: TvmazeClient;
  subscriptions?: SubscriptionsModel;
}) {
  const sub = list.subscription ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the user's choice of list, so keyboard users land in the editor.
  useEffect(() => heading.current?.focus(), [list.id]);
  return (
    <section class="editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading" tabIndex={-1} ref={heading} class="editor-title">
        {list.title}
      </h2>
      <TitleForm
        label={t('label_title')}
        submitLabel={t('action_rename')}
        initial={list.title}
        onSubmit={(title) => model.rename(list.id, title)}
      />
      {sub && subscriptions && <SubscriptionBox id={list.id} subscription={sub} model={subscriptions} />}
      <div class="editor-flags">
        <label>
          <input type="checkbox" role="switch" checked={list.enabled} onChange={(e) => void model.setEnabled(list.id, e.currentTarget.checked)} />{' '}
          {t('label_enabled')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={list.matchNameParts}
            onChange={(e) => void model.update(list.id, { matchNameParts: e.currentTarget.checked })}
          />{' '}
          {t('label_name_parts')}
        </label>
        <label class="hide-until">
          {t('label_hide_until')}{' '}
          <input
            type="date"
            value={toDateInput(list.hideUntil)}
            onChange={(e) => void model.update(list.id, { hideUntil: fromDateInput(e.currentTarget.value) })}
          />
        </label>
        {list.hideUntil !== null && (
          <button type="button" onClick={() => void model.update(list.id, { hideUntil: null })}>
            {t('action_clear_date')}
          </button>
        )}
      </div>
      {GROUPS.map(({ group, label, placeholder }) => (
        <div key={group}>
          <TermChips
            label={t(label)}
            placeholder={t(placeholder)}
            terms={list[group]}
            onAdd={(terms) => void model.addTerms(list.id, group, terms)}
            onRemove={(term) => void model.removeTerm(list.id, group, term)}
          />
          {sub && sub.terms[group].length > 0 && (
            <p class="file-terms">{t('subscription_file_terms', sub.terms[group].join(', '))}</p>
          )}
        </div>
      ))}
      <EpisodePanel model={model} list={list} tvmaze={tvmaze} />
      {tvmaze && (
        <TvmazeFill api={tvmaze} listTitle={list.title} save={(group, terms) => model.addTerms(list.id, group, terms)} />
      )}
      <p>
        <button type="button" class="danger" onClick={() => void model.remove(list.id)}>
          {t('action_delete_named', list.title)}
        </button>
      </p>
    </section>
  );
}
