/**
 * The matcher's forms and their owners (owners.ts) in a plain JSON shape, built once by
 * the background when it writes the snapshot. Expanding, folding and sorting the terms is
 * most of a compile, and a content script compiles in every frame that has text: with
 * the stored forms it only builds the automaton's first tables.
 */
import { hasTextTerms, type TermSnapshot, type StoredForms } from '../shared/snapshot';
import type { MatchList } from '../shared/watchlist';
import { compileMatcher, type Matcher } from './compile';
import { collectOwners, type Owners } from './owners';

export type { StoredForms };

/*
 * The owners travel as one string with one code unit per form, so that a content script
 * reads a form's owners only when the form first occurs, at its index, and a frame that
 * compiles decodes nothing up front: storage hands a content script a string at the cost
 * of a copy, where an array of numbers costs a value per element, in every frame. Form
 * p's first owner is FIRST + w, w = (list index × 32 + role bits) × 2 + 1 if it has more;
 * the others (a form several lists share) are in `more` as pairs [p, w without the bit],
 * in the forms' order. The code units run from U+0100 to U+D7FF: none is a control
 * character or a surrogate, so the string survives JSON and UTF-8 unchanged. A first
 * owner whose list index is too large for that (860 lists and more) goes to `more` too,
 * behind FIRST + 1 (no owner, more follow).
 */
const FIRST = 0x100;
const LAST = 0xd7ff;

/** The forms of `lists` to store; null when there are none, or when a form holds a line break. */
export function storeForms(lists: readonly MatchList[]): StoredForms | null {
  const o = collectOwners(lists);
  if (!o || o.texts.some((t) => t.includes('\n'))) return null;
  const units: number[] = [];
  const more: number[] = [];
  for (let p = 0; p < o.texts.length; p++) {
    const own = o.of(p);
    let unit = FIRST + 1;
    for (let e = 0; e < own.length; e += 2) {
      const w = (own[e]! * 32 + own[e + 1]!) * 2;
      if (e === 0 && FIRST + w < LAST) unit = FIRST + w + (own.length > 2 ? 1 : 0);
      else more.push(p, w);
    }
    units.push(unit);
  }
  let owners = '';
  for (let i = 0; i < units.length; i += 8192) owners += String.fromCharCode(...units.slice(i, i + 8192));
  return { texts: o.texts.join('\n'), owners, more, wanted: o.wanted };
}

/**
 * The owners that `stored` describes for `listCount` lists, or null when it is absent or
 * malformed (then the caller compiles from the lists). A form's owners are checked when
 * they are read, since the matcher trusts them: an entry naming no list or no role is left out.
 */
export function loadForms(stored: unknown, listCount: number): Owners | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { texts: joined, owners, more, wanted } = stored as Partial<StoredForms>;
  if (typeof joined !== 'string' || !joined || typeof owners !== 'string' || !Array.isArray(more) || !(wanted! > 0 && wanted! <= listCount)) return null;
  const texts = joined.split('\n');
  if (owners.length !== texts.length || texts.includes('')) return null;
  // Where each form's entries in `more` start, made when a form first needs them.
  let starts: Map<unknown, number> | undefined;
  return {
    texts,
    of(p) {
      const own: number[] = [];
      const add = (w: unknown): void => {
        // Whatever storage holds: only an owner naming one of the lists and some role counts.
        if (!Number.isInteger(w) || !((w as number) >= 0 && (w as number) < 2 ** 31)) return;
        const li = (w as number) >> 6;
        const role = ((w as number) >> 1) & 31;
        if (li < listCount && role) own.push(li, role);
      };
      const w = owners.charCodeAt(p) - FIRST;
      add(w & ~1);
      if (w & 1) {
        if (!starts) {
          starts = new Map();
          for (let i = more.length - 2; i >= 0; i -= 2) starts.set(more[i], i);
        }
        for (let i = starts.get(p) ?? more.length; more[i] === p; i += 2) add(more[i + 1]);
      }
      return own;
    },
    wanted: wanted!,
  };
}

/**
 * The matcher for `lists`, the snapshot's lists still active: built from the stored forms
 * when none has dropped out since the snapshot was written (and they are well-formed).
 */
export function compileSnapshot(snapshot: TermSnapshot, lists: readonly MatchList[]): Matcher {
  const forms = lists.length === snapshot.lists.length ? loadForms(snapshot.forms, lists.length) : null;
  // Compiled from the lists, a list with anything but text among its terms hides nothing.
  return compileMatcher(forms ? lists : lists.filter(hasTextTerms), forms);
}
