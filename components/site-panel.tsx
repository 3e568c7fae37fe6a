import { t } from '../lib/ui/i18n';
import type { SiteModel } from '../lib/ui/site-model';

/** The popup's "This site": hidden count, Reveal all, Pause/Resume. Nothing for non-web tabs. */
export function SitePanel({ site }: { site: SiteModel }) {
  const host = site.host.value;
  return (
    <section aria-labelledby="site-heading" class="site">
      <h2 id="site-heading">{t('heading_this_site')}</h2>
      {host === null ? (
        <p class="empty">{t('site_unsupported')}</p>
      ) : (
        <>
          <p class="site-host">{host}</p>
          <p class="site-count" aria-live="polite">
            {site.paused.value ? t('site_paused') : t('site_hidden_count', site.hidden.value)}
          </p>
          <div class="row">
            <button type="button" disabled={site.hidden.value === 0} onClick={() => void site.revealAll()}>
              {t('action_reveal_all')}
            </button>
            {site.paused.value ? (
              <button type="button" onClick={() => void site.resume()}>{t('action_resume')}</button>
            ) : (
              <button type="button" onClick={() => void site.pause()}>{t('action_pause_site')}</button>
            )}
          </div>
        </>
      )}
      {site.error.value && <p class="field-error" aria-live="polite">{site.error.value}</p>}
    </section>
  );
}
