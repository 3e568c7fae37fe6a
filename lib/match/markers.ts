/**
 * Season and episode markers in the forms people write, found in one linear pass over a
 * block's text (no regular expressions: it runs on the blocks that name a show watched
 * up to an episode). The forms:
 * - `S03E02`, `s3e2`, `S3 E2`, `S3 · Ep 2` → season 3, episode 2; `S3` alone → season 3
 * - `3x02` → season 3, episode 2 (two or three digits after the x, so `3x faster`,
 *   `a 3x4 grid` and `1920x1080` are not episodes)
 * - `Season 3`, `season three`, `series 3`, `third season`, `3rd season` → season 3
 * - `Episode 7`, `Ep. 7`, `episode seven` → episode 7 of the season written nearest
 *   before it in the block (else the first after it); with no season in the block it
 *   is no marker
 * - `Season 2 finale` → the last episode of season 2; `Season 2 premiere` → its first
 * A number is one or two digits (three for an episode) or a word up to twenty, so a year
 * is never a season; `Season's greetings` names none.
 */

/** Episode value of a season's finale (its last episode, whichever number that is). */
export const FINALE = -1;
/** Episode value of a season named as a whole. */
export const WHOLE_SEASON = 0;

// Split on first use: every frame loads this module, few read an episode marker.
const NUMBER_WORDS = ' one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty';
const ORDINAL_WORDS = ' first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth';
let numberWords: string[] | undefined;
let ordinalWords: string[] | undefined;

/** A word of the text: lower-cased ASCII letters and digits, and where it lies. */
interface Token {
  w: string;
  start: number;
  end: number;
}

const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** The ASCII words of `text`; a word glued to any other letter (é, ’) is kept whole but never a marker. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0, n = text.length; i < n; ) {
    const c = text.charCodeAt(i);
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAlnum(text.charCodeAt(j))) j++;
    out.push({ w: text.slice(i, j).toLowerCase(), start: i, end: j });
    i = j;
  }
  return out;
}

/** 1–`max digits` digits → the number; else NaN. */
function digits(w: string, from: number, to: number, max: number): number {
  if (to - from < 1 || to - from > max) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = w.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** A number written as one or two digits (`max` digits) or a word up to twenty; NaN otherwise. */
function numberOf(w: string, max = 2): number {
  const n = digits(w, 0, w.length, max);
  if (n === n) return n;
  const k = (numberWords ??= NUMBER_WORDS.split(' ')).indexOf(w);
  return k > 0 ? k : NaN;
}

/** `3rd`, `third` → 3; NaN otherwise. */
function ordinalOf(w: string): number {
  const k = (ordinalWords ??= ORDINAL_WORDS.split(' ')).indexOf(w);
  if (k > 0) return k;
  const suffix = w.slice(-2);
  if (suffix !== 'st' && suffix !== 'nd' && suffix !== 'rd' && suffix !== 'th') return NaN;
  return digits(w, 0, w.length - 2, 2);
}

/** Separators allowed between the words of a marker ("Season 2: Episode 5", "S3 · E2"). */
const SEPARATORS = ' :#-.,\u00a0\u2013\u2014\u00b7\t\n';

/** Whether only spaces and the usual separators lie between two words. */
function joined(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  // An apostrophe or a letter outside ASCII glues the words: "Season's", "é".
  for (let i = from; i < to; i++) if (!SEPARATORS.includes(text[i]!)) return false;
  return true;
}

/** A word is whole when no other letter (`é`, `’s`) is glued to it. */
function whole(text: string, t: Token): boolean {
  const before = t.start > 0 ? text.charCodeAt(t.start - 1) : 0x20;
  const after = t.end < text.length ? text.charCodeAt(t.end) : 0x20;
  return !glued(before) && !glued(after);
}
/** Characters that join a word to its neighbour: an apostrophe, an underscore, a letter outside ASCII (not a quote or dash). */
const glued = (c: number): boolean => (c > 0x7f ? !'\u00a0\u2013\u2014\u00b7\u201c\u201d\u2018\u2019'.includes(String.fromCharCode(c)) : c === 0x27 || c === 0x5f);

/**
 * The markers of `text`, flat: season, episode (a number, `FINALE` or `WHOLE_SEASON`),
 * start and end offset of each. A season that an episode was read with is given once,
 * with that episode (`Season 2, Episode 5` is episode 5 of season 2, not all of season 2).
 */
export function findMarkers(text: string): number[] {
  const ts = tokens(text);
  // Seasons and episodes as read, before pairing: [season, episode, start, end, used].
  const seasons: number[][] = [];
  const episodes: number[][] = [];
  const near = (a: Token, b: Token | undefined): b is Token => b !== undefined && joined(text, a.end, b.start);
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (!whole(text, t)) continue;
    const w = t.w;
    const next = ts[k + 1];
    const c0 = w.charCodeAt(0);
    if (c0 === 0x73 /* s */ && w.length >= 2 && w.charCodeAt(1) <= 0x39) {
      // s3, s03, s3e2, s03e02
      const e = w.indexOf('e');
      const season = digits(w, 1, e === -1 ? w.length : e, 2);
      if (season !== season) continue;
      if (e !== -1) {
        const episode = digits(w, e + 1, w.length, 3);
        if (episode === episode) seasons.push([season, episode, t.start, t.end, 1]);
        continue;
      }
      // "S3" alone, but not "S3-style" (a model name, a size).
      if (text.charCodeAt(t.end) !== 0x2d) seasons.push([season, WHOLE_SEASON, t.start, t.end, 0]);
      continue;
    }
    if (c0 >= 0x30 && c0 <= 0x39) {
      const x = w.indexOf('x');
      if (x > 0) {
        // 3x02: two or three digits after the x.
        const season = digits(w, 0, x, 2);
        const episode = w.length - x - 1 >= 2 ? digits(w, x + 1, w.length, 3) : NaN;
        if (season === season && episode === episode && season > 0) seasons.push([season, episode, t.start, t.end, 1]);
        continue;
      }
    }
    if (w === 'season' || w === 'series') {
      if (!near(t, next) || !whole(text, next)) continue;
      const season = numberOf(next.w);
      if (season !== season || season === 0) continue;
      const after = ts[k + 2];
      let episode = WHOLE_SEASON;
      let end = next.end;
      if (near(next, after) && (after.w === 'finale' || after.w === 'premiere')) {
        episode = after.w === 'finale' ? FINALE : 1;
        end = after.end;
        k++;
      }
      seasons.push([season, episode, t.start, end, episode === WHOLE_SEASON ? 0 : 1]);
      k++;
      continue;
    }
    if (w === 'episode' || w === 'ep' || w === 'e') {
      if (!near(t, next) || !whole(text, next)) continue;
      // "E2" only right after a season ("S3 E2"), where it is unambiguous.
      if (w === 'e' && !(seasons.length > 0 && seasons[seasons.length - 1]![3] === ts[k - 1]?.end)) continue;
      const episode = numberOf(next.w, 3);
      if (episode === episode && episode > 0) episodes.push([0, episode, t.start, next.end, 0]);
      k++;
      continue;
    }
    if (c0 === 0x65 /* e */ && w.length >= 2 && w.charCodeAt(1) <= 0x39) {
      // "S3 E2" written as two words.
      const prev = seasons[seasons.length - 1];
      const episode = digits(w, 1, w.length, 3);
      if (prev && prev[3] === ts[k - 1]?.end && joined(text, prev[3]!, t.start) && episode === episode && episode > 0) {
        episodes.push([0, episode, t.start, t.end, 0]);
      }
      continue;
    }
    const ordinal = ordinalOf(w);
    if (ordinal === ordinal && near(t, next) && (next.w === 'season' || next.w === 'series') && whole(text, next)) {
      seasons.push([ordinal, WHOLE_SEASON, t.start, next.end, 0]);
      k++;
    }
  }
  const out: number[] = [];
  // Each episode goes with the season written nearest before it, else the first after it.
  for (const ep of episodes) {
    let season: number[] | undefined;
    for (const s of seasons) if (s[2]! < ep[2]!) season = s;
    season ??= seasons.find((s) => s[2]! > ep[2]!);
    if (!season) continue;
    season[4] = 1;
    out.push(season[0]!, ep[1]!, Math.min(season[2]!, ep[2]!), Math.max(season[3]!, ep[3]!));
  }
  for (const s of seasons) {
    // A season read with an episode of its own (S3E2, 3x02, a finale) is given as such.
    if (s[1] !== WHOLE_SEASON) out.push(s[0]!, s[1]!, s[2]!, s[3]!);
    else if (s[4] === 0) out.push(s[0]!, WHOLE_SEASON, s[2]!, s[3]!);
  }
  return out;
}
