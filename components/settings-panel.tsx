import { BLUR_STRENGTHS } from '../lib/shared/settings';
import type { SyncStatus } from '../lib/shared/sync-status';
import { t } from '../lib/ui/i18n';
import type { SettingsModel } from '../lib/ui/settings-model';

/** What sync reports: watchlists that do not fit, and a problem with the synced copy. */
function SyncStatusLines({ status }: { status: SyncStatus | null }) {
  if (!status) return null;
  return (
    <div class="sync-status" aria-live="polite">
      {status.unsynced.length > 0 && <p>{t('sync_unsynced', status.unsynced.join(', '))}</p>}
      {status.problem && <p>{t(`sync_problem_${status.problem}`)}</p>}
    </div>
  );
}

/** Blur strength, the toolbar badge, and the paused sites with a Resume button each. */
export function SettingsPanel({ settings }: { settings: SettingsModel }) {
  const current = settings.settings.value;
  const paused = settings.pausedSites.value;
  return (
    <section aria-labelledby="settings-heading" class="settings">
      <h2 id="settings-heading">{t('heading_settings')}</h2>
      <fieldset>
        <legend>{t('label_blur')}</legend>
        {BLUR_STRENGTHS.map((strength) => (
          <label key={strength}>
            <input
              type="radio"
              name="blur"
              value={strength}
              checked={current.blurStrength === strength}
              onChange={() => void settings.update({ blurStrength: strength })}
            />{' '}
            {t(`blur_${strength}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={current.showBadge} onChange={(e) => void settings.update({ showBadge: e.currentTarget.checked })} />{' '}
        {t('label_badge')}
      </label>
      <label>
        <input type="checkbox" checked={current.syncWatchlists} onChange={(e) => void settings.update({ syncWatchlists: e.currentTarget.checked })} />{' '}
        {t('label_sync')}
      </label>
      {current.syncWatchlists && <SyncStatusLines status={settings.sync.value} />}
      <h3 id="paused-heading">{t('heading_paused')}</h3>
      {paused.length === 0 ? (
        <p class="empty">{t('paused_none')}</p>
      ) : (
        <ul class="paused-sites" aria-labelledby="paused-heading">
          {paused.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button type="button" aria-label={t('action_resume_named', host)} onClick={() => void settings.resume(host)}>
                {t('action_resume')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="field-error" aria-live="polite">{settings.error.value ?? ''}</p>
    </section>
  );
}
