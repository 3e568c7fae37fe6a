import { useMemo, useState } from 'preact/hooks';
import { t } from '../lib/ui/i18n';
import { previewMatcher, previewTitles } from '../lib/ui/preview';
import type { Watchlist } from '../lib/shared/watchlist';

/** Paste a paragraph, see whether (and for which show) it would be hidden, with the content script's matcher. */
export function LivePreview({ lists }: { lists: readonly Watchlist[] }) {
  const [text, setText] = useState('');
  // Compiled once per change of the lists, not per keystroke.
  const matcher = useMemo(() => previewMatcher(lists, Date.now()), [lists]);
  const titles = previewTitles(matcher, text);
  return (
    <section aria-labelledby="preview-heading" class="preview">
      <h2 id="preview-heading">{t('heading_preview')}</h2>
      <label for="preview-text">{t('label_preview')}</label>
      <textarea id="preview-text" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <p class={`preview-result${titles.length > 0 ? ' hidden-result' : ''}`} aria-live="polite">
        {text.trim() === ''
          ? ''
          : titles.length > 0
            ? t('preview_hidden', titles.join(', '))
            : t('preview_readable')}
      </p>
    </section>
  );
}
