/**
 * A list's forms, worked out ahead of time. Every frame of every page load compiles, and
 * expanding terms outside printable ASCII into their folded forms (accents, variants,
 * name parts) takes the slow, code-point-by-code-point path: 10–15 ms for 1,000 such
 * names in a fresh frame. So the background expands those lists once per change and
 * stores the result in the snapshot; a content script's compile then only merges and
 * sorts. Printable-ASCII lists (most) expand on fast paths in a few ms, and store
 * nothing: the snapshot stays compact, and quick to read at document_start.
 */
import type { MatchList } from '../watchlist/model';
import { listForms } from './terms';

/**
 * Bumped whenever `listForms` can give another result for the same list: forms stored
 * by another version of the extension are ignored (and worked out again).
 */
export const FORMS_VERSION = 1;

/** What `listForms` gives for one list. */
export interface StoredForms {
  v: number;
  /**
   * The forms, in the order `listForms` gives them (duplicates possible), one per line:
   * one string reads from storage far faster than thousands (folding turns every
   * whitespace into a space, so no form holds a line break).
   */
  texts: string;
  /** One character per form: "1" when the form must start with a capital (a name part), else "0". */
  capitals: string;
}

/** Terms that expand on the fast paths (see terms.ts, fold.ts). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The forms of `list` to store with it; null when they are quick to work out in each
 * frame (printable ASCII) or there are none (e.g. a disabled list).
 */
export function formsOf(list: MatchList): StoredForms | null {
  if (PRINTABLE_ASCII.test([list.title, ...list.characters, ...list.cast, ...list.keywords].join(' '))) return null;
  return expandForms(list);
}

/** The forms of `list`, whatever its terms; null when it has none. */
export function expandForms(list: MatchList): StoredForms | null {
  const texts: string[] = [];
  let capitals = '';
  listForms(list, (text, capital) => {
    texts.push(text);
    capitals += capital ? '1' : '0';
  });
  if (texts.length === 0 || texts.some((text) => text.includes('\n'))) return null;
  return { v: FORMS_VERSION, texts: texts.join('\n'), capitals };
}

/** Whether `value` is forms stored by this version (anything else is worked out again). */
export function isStoredForms(value: unknown): value is StoredForms {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<StoredForms>;
  return f.v === FORMS_VERSION && typeof f.texts === 'string' && typeof f.capitals === 'string' && f.capitals.length > 0;
}

/** Hands `add` the forms of `list`: the stored ones when it carries usable ones, else worked out now. */
export function eachForm(list: MatchList & { forms?: unknown }, add: (text: string, capital: boolean) => void): void {
  if (!list.enabled) return;
  const stored = isStoredForms(list.forms) ? list.forms : null;
  const texts = stored?.texts.split('\n');
  // Malformed (a count that does not add up, an empty form): worked out again.
  if (!stored || !texts || texts.length !== stored.capitals.length || texts.includes('')) {
    listForms(list, add);
    return;
  }
  const { capitals } = stored;
  for (let k = 0; k < texts.length; k++) add(texts[k]!, capitals.charCodeAt(k) === 49);
}
