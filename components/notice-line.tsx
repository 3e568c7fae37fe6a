import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/ui/i18n';
import type { Notice } from '../lib/ui/watchlists-model';

/**
 * The page's one message line: the last error (an alert) or status, with an Undo button
 * after a deletion. Only this component uses `role="status"`/`role="alert"` on a page.
 */
export function NoticeLine({ notice, onUndo }: { notice: Notice; onUndo?: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  // Focus moves to Undo once per deletion (the deleted editor took the focus with it).
  useLayoutEffect(() => undo.current?.focus(), [notice]);
  if (!notice) return null;
  if (notice.kind === 'error') return <p role="alert" class="notice notice-error">{notice.text}</p>;
  return (
    <div class="notice-row">
      <p role="status" class="notice">{notice.text}</p>
      {notice.undo && onUndo && (
        <button type="button" class="undo" ref={undo} onClick={onUndo}>
          {t('action_undo')}
        </button>
      )}
    </div>
  );
}
