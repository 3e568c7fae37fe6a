/**
 * A list's forms, worked out ahead of time. Expanding a list into its folded forms
 * (hyphen and punctuation variants, name parts) is most of a compile: 20–30 ms for the
 * benchmark's 1,000 hyphenated names in a fresh frame, and every frame of every page
 * load compiles. So the background expands each list once per change and stores the
 * result in the snapshot; a content script's compile then only merges and sorts them.
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

/** The forms of `list` to store with it; null when it has none (e.g. a disabled list). */
export function formsOf(list: MatchList): StoredForms | null {
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
