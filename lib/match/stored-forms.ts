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
  /** The forms, in the order `listForms` gives them (duplicates possible). */
  texts: string[];
  /** One character per form: "1" when the form must start with a capital (a name part), else "0". */
  capitals: string;
}

/** The forms of `list` (none for a disabled list), to store with it. */
export function formsOf(list: MatchList): StoredForms {
  const texts: string[] = [];
  let capitals = '';
  listForms(list, (text, capital) => {
    texts.push(text);
    capitals += capital ? '1' : '0';
  });
  return { v: FORMS_VERSION, texts, capitals };
}

/** Whether `value` is forms stored by this version (anything else is worked out again). */
export function isStoredForms(value: unknown): value is StoredForms {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<StoredForms>;
  return (
    f.v === FORMS_VERSION &&
    Array.isArray(f.texts) &&
    typeof f.capitals === 'string' &&
    f.capitals.length === f.texts.length &&
    f.texts.every((text) => typeof text === 'string' && text.length > 0)
  );
}

/** Hands `add` the forms of `list`: the stored ones when it carries usable ones, else worked out now. */
export function eachForm(list: MatchList & { forms?: unknown }, add: (text: string, capital: boolean) => void): void {
  if (!list.enabled) return;
  const stored = list.forms;
  if (!isStoredForms(stored)) {
    listForms(list, add);
    return;
  }
  const { texts, capitals } = stored;
  for (let k = 0; k < texts.length; k++) add(texts[k]!, capitals.charCodeAt(k) === 49);
}
