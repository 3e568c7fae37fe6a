import type { Notice } from '../lib/ui/watchlists-model';

/** The last error (announced as an alert) or status message. */
export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return notice.kind === 'error' ? (
    <p role="alert" class="notice notice-error">{notice.text}</p>
  ) : (
    <p role="status" class="notice">{notice.text}</p>
  );
}
