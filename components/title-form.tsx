import { MAX_TITLE_LENGTH } from '../lib/shared/limits';
import { useId, useState } from 'preact/hooks';
import { t } from '../lib/ui/i18n';
import { errorText } from '../lib/ui/watchlists-model';
import { cleanText } from '../lib/shared/term-text';

/**
 * A one-field form for a watchlist title (create or rename). An empty title is refused
 * here; other refusals (a duplicate title) come from the background and are shown next
 * to the field, which is marked invalid.
 */
export function TitleForm(props: {
  label: string;
  submitLabel: string;
  initial?: string;
  class?: string;
  /** Saves the title; throws the message to show. */
  onSubmit: (title: string) => Promise<unknown>;
  /** Clear the field after a successful submit (create), or keep it (rename). */
  clearOnSuccess?: boolean;
}) {
  const [title, setTitle] = useState(props.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (event: Event) => {
    event.preventDefault();
    const cleaned = cleanText(title);
    if (cleaned === '') {
      setError(t('error_title_required'));
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(cleaned);
      setError(null);
      if (props.clearOnSuccess) setTitle('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={`title-form ${props.class ?? ''}`} onSubmit={submit} noValidate>
      <label for={`${id}-title`}>{props.label}</label>
      <div class="row">
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => {
            setTitle(e.currentTarget.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" disabled={busy}>
          {props.submitLabel}
        </button>
      </div>
      <p id={`${id}-error`} class="field-error" aria-live="polite">
        {error ?? ''}
      </p>
    </form>
  );
}
