import { ProblemError, type Problem } from '../shared/problem';

/** Why a watchlist change was refused, broadly; lets callers react without reading the problem. */
export type WatchlistErrorCode = 'invalid' | 'duplicate-title' | 'not-found';

/** A refused watchlist change; its `problem` is what the extension's pages word for the user. */
export class WatchlistError extends ProblemError {
  override readonly name = 'WatchlistError';

  constructor(
    problem: Problem,
    readonly code: WatchlistErrorCode,
  ) {
    super(problem);
  }
}
