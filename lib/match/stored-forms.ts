/**
 * The matcher's forms and their owners (owners.ts) in a plain JSON shape, built once by
 * the background when it writes the snapshot. Expanding, folding and sorting the terms is
 * most of a compile, and a content script compiles in every frame that has text: with
 * the stored forms it only builds the automaton's first tables.
 */
import type { TermSnapshot, StoredForms } from '../shared/snapshot';
import type { MatchList } from '../shared/watchlist';
import { compileMatcher, type Matcher } from './compile';
import { collectOwners, type Owners } from './owners';

export type { StoredForms };

/**
 * Above this many forms (a few thousand names) nothing is stored, and content scripts
 * compile from the lists: the stored copy would grow the snapshot several times over.
 */
export const STORED_FORMS_LIMIT = 20_000;

/** The forms of `lists` to store; null when there are none or too many. */
export function storeForms(lists: readonly MatchList[]): StoredForms | null {
  const o = collectOwners(lists);
  if (!o || o.texts.length > STORED_FORMS_LIMIT || o.texts.some((t) => t.includes('\n'))) return null;
  const owners: number[] = [];
  for (let e = 0; e < o.ownerList.length; e++) owners.push(o.ownerList[e]! * 32 + o.ownerRole[e]!);
  return { texts: o.texts.join('\n'), start: [...o.ownerStart], owners };
}

const isNumbers = (x: unknown): x is number[] => Array.isArray(x);

/**
 * The owners that `stored` describes for `listCount` lists, or null when it is absent or
 * malformed (then the caller compiles from the lists). Every index is checked, since the
 * matcher trusts them.
 */
export function loadForms(stored: unknown, listCount: number): Owners | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { texts: joined, start, owners } = stored as Partial<StoredForms>;
  if (typeof joined !== 'string' || !joined || !isNumbers(start) || !isNumbers(owners)) return null;
  const texts = joined.split('\n');
  if (start.length !== texts.length + 1 || start[0] !== 0 || start[texts.length] !== owners.length) return null;
  const ownerStart = Int32Array.from(start);
  for (let p = 0; p < texts.length; p++) if (!(ownerStart[p]! < ownerStart[p + 1]!) || !texts[p]) return null;
  const ownerList = new Int32Array(owners.length);
  const ownerRole = new Uint8Array(owners.length);
  const owning = new Uint8Array(listCount);
  let wanted = 0;
  for (let e = 0; e < owners.length; e++) {
    const x: number = owners[e]!;
    const li = x >> 5;
    if (!(x >= 0 && x === (x | 0) && li < listCount && (x & 31) !== 0)) return null;
    ownerList[e] = li;
    ownerRole[e] = x & 31;
    if (owning[li] === 0) {
      owning[li] = 1;
      wanted++;
    }
  }
  return { texts, ownerStart, ownerList, ownerRole, wanted };
}

/**
 * The matcher for `lists`, the snapshot's lists still active: built from the stored forms
 * when none has dropped out since the snapshot was written (and they are well-formed).
 */
export function compileSnapshot(snapshot: TermSnapshot, lists: readonly MatchList[]): Matcher {
  const forms = lists.length === snapshot.lists.length ? loadForms(snapshot.forms, lists.length) : null;
  return compileMatcher(lists, forms);
}
