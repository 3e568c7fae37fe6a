/**
 * The distinct folded forms of all lists, numbered in sorted order (the automaton's
 * pattern numbers), and for each the lists that own it and whether each needs a capital.
 */
import type { MatchList } from '../shared/watchlist';
import { CAPITAL, listForms, TERM } from './terms';

/** Forms and their owners, for the matcher's hit path. */
export interface Owners {
  /** Distinct forms, sorted. */
  texts: string[];
  /**
   * The owners of form p, flat: each owning list's index, then the form's role bits for
   * that list (TERM, CAPITAL, TITLE, PLAIN_TITLE, EXCEPTION). Asked once per form, at its
   * first hit (most forms never occur on a page).
   */
  of(p: number): readonly number[];
  /** How many lists own any form. */
  wanted: number;
}

/** Collects the forms of `lists`; null when no list has any. */
export function collectOwners(lists: readonly MatchList[]): Owners | null {
  // Entries (one per form and owning list) in typed arrays grown by doubling: their
  // contents live outside the JS heap, so compiling in a fresh frame leaves the garbage
  // collector little to do (3,000 pushes to a JS array allocate ~100 KB).
  let capacity = 16;
  for (let li = 0; li < lists.length; li++) {
    const list = lists[li]!;
    capacity += 3 * (list.characters.length + list.cast.length) + 2 * list.keywords.length + 4;
    if (list.boundary) capacity += list.boundary.titles.length + list.boundary.plainTitles.length;
    capacity += list.exceptions?.length ?? 0;
  }
  const ids = new Map<string, number>();
  let lastEntry = new Int32Array(capacity); // by form id
  let entryForm = new Int32Array(capacity);
  let entryList = new Int32Array(capacity);
  let entryRole = new Uint8Array(capacity);
  let entries = 0;
  let li = 0;
  // A list's forms arrive together, so a repeat within the list is its last entry.
  const add = (text: string, role: number): void => {
    let id = ids.get(text);
    if (id === undefined) {
      id = ids.size;
      ids.set(text, id);
      if (id === lastEntry.length) lastEntry = grow(lastEntry);
    } else if (entryList[lastEntry[id]!] === li) {
      const e = lastEntry[id]!;
      entryRole[e] = mergeRoles(entryRole[e]!, role);
      return;
    }
    if (entries === entryForm.length) {
      entryForm = grow(entryForm);
      entryList = grow(entryList);
      const wider = new Uint8Array(entries * 2);
      wider.set(entryRole);
      entryRole = wider;
    }
    lastEntry[id] = entries;
    entryForm[entries] = id;
    entryList[entries] = li;
    entryRole[entries] = role;
    entries++;
  };
  for (; li < lists.length; li++) listForms(lists[li]!, add);
  if (ids.size === 0) return null;

  const texts = [...ids.keys()].sort();
  const rank = new Int32Array(texts.length);
  for (let p = 0; p < texts.length; p++) rank[ids.get(texts[p]!)!] = p;

  // Owners grouped by form (counting sort).
  const ownerStart = new Int32Array(texts.length + 1);
  for (let e = 0; e < entries; e++) ownerStart[rank[entryForm[e]!]! + 1]!++;
  for (let p = 0; p < texts.length; p++) ownerStart[p + 1]! += ownerStart[p]!;
  const fill = ownerStart.slice(0, texts.length);
  const ownerList = new Int32Array(entries);
  const ownerRole = new Uint8Array(entries);
  let wanted = 0; // entries come list by list
  for (let e = 0; e < entries; e++) {
    const o = fill[rank[entryForm[e]!]!]!++;
    ownerList[o] = entryList[e]!;
    ownerRole[o] = entryRole[e]!;
    if (e === 0 || entryList[e] !== entryList[e - 1]) wanted++;
  }
  return {
    texts,
    of(p) {
      const own: number[] = [];
      for (let o = ownerStart[p]!; o < ownerStart[p + 1]!; o++) own.push(ownerList[o]!, ownerRole[o]!);
      return own;
    },
    wanted,
  };
}

/** One form's roles for one list: the union, and a capital needed only if every term use needs it. */
function mergeRoles(had: number, role: number): number {
  const capital = !(role & TERM) ? had & CAPITAL : !(had & TERM) ? role & CAPITAL : had & role & CAPITAL;
  return ((had | role) & ~CAPITAL) | capital;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const wider = new Int32Array(a.length * 2);
  wider.set(a);
  return wider;
}
