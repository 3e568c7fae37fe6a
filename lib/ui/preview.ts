/**
 * The options page's live preview: which watchlists would hide a pasted paragraph,
 * answered by the same matcher the content script uses.
 */
import { compileMatcher, type Matcher } from '../match/compile';
import { isActive, type Watchlist } from '../shared/watchlist';

/** Compiles the lists that hide anything at `now` (enabled and not past their date). */
export function previewMatcher(lists: readonly Watchlist[], now: number): Matcher {
  return compileMatcher(lists.filter((list) => isActive(list, now)));
}

/** The titles of the watchlists whose terms occur in `text`; [] when it would stay readable. */
export function previewTitles(matcher: Matcher, text: string): string[] {
  return text.trim() === '' ? [] : matcher.match(text).map((list) => list.title);
}
