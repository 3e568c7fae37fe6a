/**
 * Which words of a person's name may match alone (rule 4 of issue 3): "Clay" and
 * "Butler" from "Clay Jensen" and "Ross Butler", never "Dr", "de" or "Jo".
 */
import { countWordCodePoints, wordRuns } from './boundary';

/** Folded titles, honorifics and suffixes: they name a role, not the person. */
const HONORIFICS =
  'mr mrs ms miss mx mister madam madame mme mlle dr doctor sir dame lord lady prof professor rev' +
  ' reverend fr father sister brother saint capt captain sgt sergeant lt lieutenant col colonel gen' +
  ' general maj major cmdr commander adm admiral officer detective det agent king queen prince' +
  ' princess duke duchess count countess baron baroness emperor empress uncle aunt auntie grandma' +
  ' grandpa herr frau senor senora senorita dona signor signora jr sr ii iii iv esq phd md sensei' +
  ' senpai';

/** Folded name particles: joining words of surnames and epithets ("Bran the Broken"). */
const PARTICLES =
  'de da di do du dos das des del della dela la le les lo van von der den ter ten zu zum af av y e' +
  ' bin bint ibn al el ben bat st the of and';

/**
 * The words above, as one set, made on first use: every frame loads this module, and
 * only a frame compiling names from its lists (no stored forms) reads them.
 */
let notParts: ReadonlySet<string> | undefined;

/** Whether a folded word is an honorific or a particle: never a name part alone. */
export const isRoleWord = (word: string): boolean => (notParts ??= new Set(`${HONORIFICS} ${PARTICLES}`.split(' '))).has(word);

/**
 * The parts of a folded, space-separated name that may match alone: each word stripped
 * of surrounding punctuation (quotes round a nickname, a trailing comma), keeping those
 * of three or more letters/digits that are neither honorifics nor particles. A name of
 * one word has no parts (it is matched whole).
 */
export function nameParts(folded: string): string[] {
  const parts: string[] = [];
  forEachNamePart(folded, (part) => parts.push(part));
  return parts;
}

/**
 * `nameParts`, handed one by one to `use`. Compiling calls it for every name in every
 * frame, so it walks the name with `indexOf` and slices only words long enough to keep.
 */
export function forEachNamePart(folded: string, use: (part: string) => void): void {
  if (!folded.includes(' ')) return;
  const plain = PLAIN.test(folded); // most names: no punctuation to strip, no code-point walks
  // Hyphenated ASCII words (Jean-Luc): nothing to strip either; the hyphens do not count.
  const hyphenated = !plain && HYPHENATED_WORDS.test(folded);
  for (let from = 0; from <= folded.length; ) {
    let to = folded.indexOf(' ', from);
    if (to === -1) to = folded.length;
    if (!plain || to - from > 2) {
      const word = folded.slice(from, to);
      const core = plain || hyphenated ? word : stripEdges(word);
      if (plain || (hyphenated ? core.replace(/-/g, '').length : countWordCodePoints(core)) > 2) {
        const bare = core.includes('.') ? core.replace(/\./g, '') : core; // "St." and "Ph.D." are written with dots
        if (!isRoleWord(bare)) use(core);
      }
    }
    from = to + 1;
  }
}

const PLAIN = /^[a-z0-9 ]*$/;
/** Folded ASCII words joined by single spaces or hyphens (Jean-Luc Picard): no edges to strip, every hyphen inner. */
export const HYPHENATED_WORDS = /^[a-z0-9]+(?:[ -][a-z0-9]+)*$/;

/** `word` without the non-word characters at its ends (`/^[^\p{L}\p{N}\p{M}]+|…+$/gu`). */
function stripEdges(word: string): string {
  const runs = wordRuns(word);
  return runs.length === 0 ? '' : word.slice(runs[0], runs[runs.length - 1]);
}
