import { useState } from 'preact/hooks';
import type { TvmazeClient } from '../lib/tvmaze/client';
import { t } from '../lib/ui/i18n';
import type { WatchlistsModel } from '../lib/ui/watchlists-model';
import { AddShow } from './add-show';

/**
 * The page opened on first install: what Plot Armor does and sends, then "Which shows
 * are you in the middle of?" — add one show after another, then Done.
 */
export function WelcomeApp({ model, tvmaze, openOptions }: { model: WatchlistsModel; tvmaze: TvmazeClient; openOptions: () => void }) {
  const [done, setDone] = useState(false);
  const lists = model.lists.value;
  return (
    <main class="welcome">
      <h1>{t('welcome_heading')}</h1>
      <p class="welcome-intro">{t('welcome_what')}</p>
      <p class="welcome-intro">{t('welcome_privacy')}</p>
      {done ? (
        <section aria-labelledby="welcome-done-heading">
          <h2 id="welcome-done-heading" tabIndex={-1} ref={(el) => el?.focus()}>{t('welcome_done_heading')}</h2>
          <p>{t('welcome_done_text')}</p>
          <div class="row">
            <button type="button" onClick={() => setDone(false)}>{t('welcome_add_more')}</button>
            <a href="options.html" onClick={(e) => { e.preventDefault(); openOptions(); }}>{t('action_open_options')}</a>
          </div>
        </section>
      ) : (
        <section aria-labelledby="welcome-question">
          <h2 id="welcome-question">{t('welcome_question')}</h2>
          <AddShow tvmaze={tvmaze} create={(draft) => model.create(draft)} />
        </section>
      )}
      <section aria-labelledby="welcome-shows-heading">
        <h2 id="welcome-shows-heading">{t('welcome_your_shows')}</h2>
        {lists.length === 0 ? (
          <p class="empty">{t('welcome_no_shows')}</p>
        ) : (
          <ul class="welcome-shows">
            {lists.map((list) => (
              <li key={list.id}>
                <span class="title">{list.title}</span>{' '}
                <span class="count">{t('term_count', list.characters.length + list.cast.length + list.keywords.length)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {!done && (
        <button type="button" class="welcome-finish" onClick={() => setDone(true)}>{t('welcome_done')}</button>
      )}
    </main>
  );
}
