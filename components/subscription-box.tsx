import { formatDay } from '../lib/ui/dates';
import { t } from '../lib/ui/i18n';
import { problemText } from '../lib/ui/problem-text';
import type { SubscriptionsModel } from '../lib/ui/subscriptions-model';
import type { Subscription } from '../lib/shared/watchlist';

/**
 * Where a subscribed list comes from and when it was last updated, why the last update
 * failed (if it did), and the two actions: update now, unsubscribe keeping a copy.
 */
export function SubscriptionBox(props: { id: string; subscription: Subscription; model: SubscriptionsModel }) {
  const { subscription: sub, model } = props;
  const busy = model.busy.value === sub.url;
  return (
    <div class="subscription">
      <p>
        {t('subscription_source')}{' '}
        <a href={sub.url} target="_blank" rel="noreferrer noopener">{sub.url}</a>
      </p>
      <p class="meta">{t('subscription_updated_at', formatDay(sub.updatedAt))}</p>
      {sub.problem && (
        // The notice line announces a failure as it happens; this line keeps it in view.
        <p class="field-error subscription-problem">
          {problemText(sub.problem)}
        </p>
      )}
      <p class="hint">{t('subscription_own_hint')}</p>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void model.updateNow(sub.url)}>
          {busy ? t('subscribe_busy') : t('action_update_now')}
        </button>
        <button type="button" onClick={() => void model.unsubscribe(props.id)}>
          {t('action_unsubscribe')}
        </button>
      </div>
    </div>
  );
}
