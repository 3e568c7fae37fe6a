/**
 * Why a request was refused, as a code and its parameters. The database (lib/db), the
 * file parser (lib/format) and the background build no sentences: the extension's pages
 * word a problem in the user's language (`problemText` in lib/ui/problem-text.ts, one
 * message per code in every message file). Parameters are the values the sentence names —
 * a title, a limit, the number of a file's entry, a field of the file — never an API's
 * own error text.
 */
export type ProblemCode =
  // A watchlist or setting the database refused.
  | 'title-missing'
  | 'title-too-long'
  | 'hide-until-invalid'
  | 'flag-invalid'
  | 'name-too-long'
  | 'terms-not-list'
  | 'title-taken'
  | 'list-gone'
  | 'setting-invalid'
  | 'host-missing'
  | 'storage-full'
  | 'progress-invalid'
  | 'mode-invalid'
  | 'link-invalid'
  // A watchlist file the parser refused.
  | 'file-too-large'
  | 'file-unreadable'
  | 'file-not-json'
  | 'file-not-json-at'
  | 'file-not-ours'
  | 'file-version'
  | 'file-version-missing'
  | 'file-no-lists'
  | 'file-too-many-terms'
  | 'entry-not-object'
  | 'entry-title-not-text'
  | 'entry-title-missing'
  | 'entry-title-too-long'
  | 'entry-flag-invalid'
  | 'entry-hide-until-invalid'
  | 'entry-terms-not-list'
  | 'entry-term-too-long'
  | 'entry-progress-invalid'
  | 'entry-mode-invalid'
  | 'entry-link-invalid'
  // A subscribed watchlist file: its address, fetching it, and a list gone from it.
  | 'subscription-url-empty'
  | 'subscription-url-invalid'
  | 'subscription-url-not-https'
  | 'subscription-url-credentials'
  | 'subscription-url-too-long'
  | 'subscription-not-allowed'
  | 'subscription-unreachable'
  | 'subscription-timeout'
  | 'subscription-gone'
  | 'subscription-forbidden'
  | 'subscription-http'
  | 'subscription-redirect'
  | 'subscription-cut-off'
  | 'subscription-list-missing'
  | 'subscriptions-unavailable'
  // The message itself.
  | 'unknown-message'
  | 'not-allowed'
  | 'invalid-request'
  | 'no-answer'
  | 'failed';

/** A refusal: its code, and the values its sentence names (numbers are formatted for the user's language). */
export interface Problem {
  code: ProblemCode;
  params?: (string | number)[];
}

/** The problem `code` with `params`. */
export const problem = (code: ProblemCode, ...params: (string | number)[]): Problem => (params.length ? { code, params } : { code });

/** An error that carries a problem for the user; `message` is its code (for logs). */
export class ProblemError extends Error {
  override name = 'ProblemError';

  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/** Whether an untrusted value is a problem (a reply crosses a message channel). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as Partial<Problem>;
  return (
    typeof code === 'string' &&
    (params === undefined || (Array.isArray(params) && params.every((p) => typeof p === 'string' || typeof p === 'number')))
  );
}

/**
 * The problem behind any error thrown while handling a request: its own when it carries
 * one, `storage-full` when the browser's storage refused the write, else `failed` (the
 * error's text is for developers, not for the page).
 */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError') return problem('storage-full');
  return problem('failed');
}
