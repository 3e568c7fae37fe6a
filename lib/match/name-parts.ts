/**
 * Which words of a person's name may match alone (rule 4 of issue 3): "Clay" and
 * "Butler" from "Clay Jensen" and "Ross Butler", never "Dr", "de" or "Jo".
 */

/** Folded titles, honorifics and suffixes: they name a role, not the person. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'mister', 'madam', 'madame', 'mme', 'mlle', 'dr', 'doctor', 'sir', 'dame',
  'lord', 'lady', 'prof', 'professor', 'rev', 'reverend', 'fr', 'father', 'sister', 'brother', 'saint',
  'capt', 'captain', 'sgt', 'sergeant', 'lt', 'lieutenant', 'col', 'colonel', 'gen', 'general', 'maj',
  'major', 'cmdr', 'commander', 'adm', 'admiral', 'officer', 'detective', 'det', 'agent', 'king', 'queen',
  'prince', 'princess', 'duke', 'duchess', 'count', 'countess', 'baron', 'baroness', 'emperor', 'empress',
  'uncle', 'aunt', 'auntie', 'grandma', 'grandpa', 'herr', 'frau', 'senor', 'senora', 'senorita', 'dona',
  'signor', 'signora', 'jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'phd', 'md', 'sensei', 'senpai',
]);

/** Folded name particles: joining words of surnames and epithets ("Bran the Broken"). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'di', 'do', 'du', 'dos', 'das', 'des', 'del', 'della', 'dela', 'la', 'le', 'les', 'lo', 'van',
  'von', 'der', 'den', 'ter', 'ten', 'zu', 'zum', 'af', 'av', 'y', 'e', 'bin', 'bint', 'ibn', 'al', 'el',
  'ben', 'bat', 'st', 'the', 'of', 'and',
]);

const EDGE_PUNCT = /^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/gu;

/**
 * The parts of a folded, space-separated name that may match alone: each word stripped
 * of surrounding punctuation (quotes round a nickname, a trailing comma), keeping those
 * of three or more letters/digits that are neither honorifics nor particles. A name of
 * one word has no parts (it is matched whole).
 */
export function nameParts(folded: string): string[] {
  const words = folded.split(' ');
  if (words.length < 2) return [];
  const parts: string[] = [];
  for (const word of words) {
    const plain = /^[a-z0-9]*$/.test(word); // most names: skip the Unicode regexes
    const core = plain ? word : word.replace(EDGE_PUNCT, '');
    if ((plain ? core.length : (core.match(WORD_CHAR)?.length ?? 0)) <= 2) continue;
    const bare = core.replace(/\./g, ''); // "St." and "Ph.D." are written with dots
    if (HONORIFICS.has(bare) || PARTICLES.has(bare)) continue;
    parts.push(core);
  }
  return parts;
}
