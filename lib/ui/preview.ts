/**
 * The options page's live preview: which watchlists would hide a pasted paragraph,
 * answered by the same matcher the content script uses.
 */
import { compileMatcher, type Matcher } from '../match/compile';
import { activeListsAt, buildSnapshot } from '../shared/snapshot';
import type { Watchlist } from '../shared/watchlist';

/**
 * Compiles the lists that hide anything at `now`, as pages get them (enabled, not past
 * their date, with their boundary and exceptions).
 */
export function previewMatcher(lists: readonly Watchlist[], now: number): Matcher {
  return compileMatcher(activeListsAt(buildSnapshot([...lists], now), now));
}

/** The titles of the watchlists whose terms occur in `text`; [] when it would stay readable. */
export function previewTitles(matcher: Matcher, text: string): string[] {
  return text.trim() === '' ? [] : matcher.match(text).map((list) => list.title);
}
