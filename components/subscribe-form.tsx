import { useId, useState } from 'preact/hooks';
import { MAX_URL_LENGTH } from '../lib/shared/subscription-url';
import { t } from '../lib/ui/i18n';
import type { SubscriptionsModel } from '../lib/ui/subscriptions-model';

/** Subscribe to a shared watchlist file: its address, and a button that fetches it now. */
export function SubscribeForm({ model }: { model: SubscriptionsModel }) {
  const [url, setUrl] = useState('');
  const id = useId();
  const error = model.fieldError.value;
  const busy = model.busy.value !== null;
  return (
    <section aria-labelledby={`${id}-heading`} class="subscribe">
      <h2 id={`${id}-heading`}>{t('heading_subscribe')}</h2>
      <p class="hint">{t('subscribe_hint')}</p>
      <label for={`${id}-url`}>{t('label_subscribe_url')}</label>
      <form
        class="row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // Called at once, inside the click: the browser asks for the site only then.
          void model.subscribe(url).then((saved) => saved && setUrl(''));
        }}
      >
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={url}
          maxLength={MAX_URL_LENGTH}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          onInput={(e) => {
            setUrl(e.currentTarget.value);
            model.fieldError.value = null;
          }}
        />
        <button type="submit" disabled={busy}>{t('action_subscribe')}</button>
      </form>
      <p id={`${id}-error`} class="field-error" aria-live="polite">
        {error ?? (busy ? t('subscribe_busy') : '')}
      </p>
    </section>
  );
}
