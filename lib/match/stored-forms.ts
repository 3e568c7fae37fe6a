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

/*
 * The owners travel as one string, one code unit (or a few) per entry: storage hands a
 * content script a string at the cost of a copy, where an array of numbers costs a value
 * per element, in every frame. An entry is w = (list index × 32 + role bits) × 2 + 1 if
 * it is its form's last, written in base 2^14, most significant digit first: a digit
 * followed by others as 0x4100 + d, the last as 0x100 + d. No code unit is a control
 * character or a surrogate, so the string survives JSON and UTF-8 unchanged.
 */
const DIGIT = 0x100;
const MORE = 0x4100;
const BASE = 0x4000;

/** The forms of `lists` to store; null when there are none, or when a form holds a line break. */
export function storeForms(lists: readonly MatchList[]): StoredForms | null {
  const o = collectOwners(lists);
  if (!o || o.texts.some((t) => t.includes('\n'))) return null;
  const units: number[] = [];
  for (let p = 0; p < o.texts.length; p++) {
    const end = o.ownerStart[p + 1]!;
    for (let e = o.ownerStart[p]!; e < end; e++) {
      let w = (o.ownerList[e]! * 32 + o.ownerRole[e]!) * 2 + (e === end - 1 ? 1 : 0);
      const digits = [DIGIT + (w % BASE)];
      while ((w = Math.floor(w / BASE)) > 0) digits.push(MORE + (w % BASE));
      for (let d = digits.length - 1; d >= 0; d--) units.push(digits[d]!);
    }
  }
  let owners = '';
  for (let i = 0; i < units.length; i += 8192) owners += String.fromCharCode(...units.slice(i, i + 8192));
  return { texts: o.texts.join('\n'), owners };
}

/**
 * The owners that `stored` describes for `listCount` lists, or null when it is absent or
 * malformed (then the caller compiles from the lists). Every index is checked, since the
 * matcher trusts them.
 */
export function loadForms(stored: unknown, listCount: number): Owners | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { texts: joined, owners } = stored as Partial<StoredForms>;
  if (typeof joined !== 'string' || !joined || typeof owners !== 'string') return null;
  const texts = joined.split('\n');
  const ownerStart = new Int32Array(texts.length + 1);
  const ownerList = new Int32Array(owners.length);
  const ownerRole = new Uint8Array(owners.length);
  const owning = new Uint8Array(listCount);
  let wanted = 0;
  let p = 0;
  let e = 0;
  let w = 0;
  let open = false; // a digit that promises more was read
  for (let i = 0; i < owners.length; i++) {
    const c = owners.charCodeAt(i);
    const last = c < MORE;
    if (c < DIGIT || c >= MORE + BASE || w >= 1 << 16) return null;
    w = w * BASE + c - (last ? DIGIT : MORE);
    open = !last;
    if (open) continue;
    const li = w >> 6;
    const role = (w >> 1) & 31;
    if (li >= listCount || role === 0 || p === texts.length || !texts[p]) return null;
    ownerList[e] = li;
    ownerRole[e++] = role;
    if (owning[li] === 0) {
      owning[li] = 1;
      wanted++;
    }
    if (w & 1) ownerStart[++p] = e;
    w = 0;
  }
  if (p !== texts.length || open) return null;
  return { texts, ownerStart, ownerList: ownerList.subarray(0, e), ownerRole: ownerRole.subarray(0, e), wanted };
}

/**
 * The matcher for `lists`, the snapshot's lists still active: built from the stored forms
 * when none has dropped out since the snapshot was written (and they are well-formed).
 */
export function compileSnapshot(snapshot: TermSnapshot, lists: readonly MatchList[]): Matcher {
  const forms = lists.length === snapshot.lists.length ? loadForms(snapshot.forms, lists.length) : null;
  return compileMatcher(lists, forms);
}
