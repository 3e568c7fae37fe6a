/**
 * How typing and pasting become terms in a chip input: a comma or Enter ends a term,
 * and a paste of several lines or comma-separated names adds them all at once.
 */
import { parseTermList } from '../format/watchlist-file';

/** Splits what is typed so far: the terms ended by a comma, and the unfinished rest. */
export function splitTyped(value: string): { terms: string[]; rest: string } {
  const cut = value.lastIndexOf(',');
  if (cut === -1) return { terms: [], rest: value };
  return { terms: parseTermList(value.slice(0, cut)), rest: value.slice(cut + 1).trimStart() };
}

/** Whether a paste holds several terms (so it is added at once instead of inserted as text). */
export function isTermListPaste(text: string): boolean {
  return /[\n\r,]/.test(text);
}
