import { useId, useRef, useState } from 'preact/hooks';
import { parseTermList } from '../lib/format/watchlist-file';
import { t } from '../lib/ui/i18n';
import { isTermListPaste, splitTyped } from '../lib/ui/term-input';

/**
 * One group of terms as removable chips, with an input that adds a term on Enter or
 * comma, and adds every line or comma-separated name of a paste at once.
 */
export function TermChips(props: {
  label: string;
  placeholder?: string;
  terms: readonly string[];
  onAdd: (terms: string[]) => void;
  onRemove: (term: string) => void;
}) {
  const { label, terms, onAdd, onRemove } = props;
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const add = (list: string[]) => {
    if (list.length > 0) onAdd(list);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ',') return;
    event.preventDefault();
    add(parseTermList(draft));
    setDraft('');
  };
  const onInput = (event: Event) => {
    // Commas typed by an IME or mobile keyboard arrive without a keydown.
    const { terms: done, rest } = splitTyped((event.currentTarget as HTMLInputElement).value);
    add(done);
    setDraft(rest);
  };
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text') ?? '';
    if (!isTermListPaste(text)) return;
    event.preventDefault();
    add(parseTermList(`${draft}${text}`));
    setDraft('');
  };
  return (
    <fieldset class="chips-group">
      <legend id={`${id}-legend`}>
        {label} <span class="count">({terms.length})</span>
      </legend>
      {terms.length > 0 && (
        <ul class="chips" aria-labelledby={`${id}-legend`}>
          {terms.map((term) => (
            <li key={term} class="chip">
              <span class="chip-text">{term}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('action_remove_term', term)}
                title={t('action_remove_term', term)}
                onClick={() => {
                  onRemove(term);
                  input.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        type="text"
        class="chip-input"
        aria-label={t('label_add_terms', label)}
        aria-describedby={`${id}-hint`}
        placeholder={props.placeholder}
        value={draft}
        onKeyDown={onKeyDown}
        onInput={onInput}
        onPaste={onPaste}
      />
      <p id={`${id}-hint`} class="hint">{t('hint_add_terms')}</p>
    </fieldset>
  );
}
