/** Why a watchlist change was refused; lets callers react without parsing the message. */
export type WatchlistErrorCode = 'invalid' | 'duplicate-title' | 'not-found';

/** A refused watchlist change; `message` is written for the user and safe to show as is. */
export class WatchlistError extends Error {
  override readonly name = 'WatchlistError';

  constructor(
    message: string,
    readonly code: WatchlistErrorCode,
  ) {
    super(message);
  }
}
