/**
 * Matcher benchmark (issue 3): `npx tsx bench/match.ts`.
 *
 * Generates ~3 MB of English-like paragraphs (fixed seed) with planted mentions of one
 * watchlist, then times in one run the floor (lower-case every paragraph and read every
 * char code) and the matcher with 10, 100, 1,000 and 10,000 terms. Prints a markdown
 * table and whether the issue's targets are met; exits non-zero if a planted mention is
 * missed or a decoy matches. Then times the cold compile (a fresh process per
 * measurement, see `cold-compile.ts`), which the content script pays in every frame.
 */
import { compileMatcher } from '../lib/match/compile';
import type { MatchList } from '../lib/shared/watchlist';
import { coldCompile } from './cold-compile';
import { prng } from './prng';

const random = prng(20240613);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const VOCABULARY = `the of and to in a is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their has would when if so what up out about who them
into some could him time only new other than then now its over also after first two may any like our years
people way where most made between many well before show season episode series story fans finale writers room
network streaming premiere cliffhanger audience critics review trailer release netflix drama character plot
twist reveal scene moment ending beginning friend family school town night city house water light dark cold
warm quiet loud quick slow small large early late little great long short young old right wrong true false
happy sad angry calm brave clever kind cruel honest strange simple hard easy clay white snow stark bean kit
butler park hill green stone wood field march may june grace hope faith rose lily`.split(/\s+/);

/** The watchlist whose mentions are planted; names chosen to never occur in VOCABULARY. */
const PLANTED: MatchList = {
  id: 'planted',
  title: 'Thirteen Lanterns',
  enabled: true,
  matchNameParts: true,
  characters: ['Orla Quennell', 'Guzmán Ybarra', 'Tobiah Wrenfield'],
  cast: ['Saoirse Delacroix-Hale', 'Ignatius Brammer'],
  keywords: ['lantern', 'coronation'],
};
/** How the planted list is mentioned: the spellings readers use. */
const MENTIONS = [
  'Orla Quennell', 'ORLA QUENNELL', 'orla quennell', 'Quennell’s', "Orla's", 'Guzman', 'GUZMÁN', 'Ybarra',
  'Tobiah', 'Wrenfield', 'Saoirse Delacroix Hale', 'Delacroix-Hale', 'Brammer', 'Ignatius', '#ThirteenLanterns',
  'thirteenlanterns', 'Thirteen   Lanterns', 'lanterns', 'coronations', 'Coronation',
];
/** Near misses that must not match the planted list. */
const DECOYS = ['orla', 'quennellish', 'Brammers', 'lanternfish', 'ybarra', 'Tobiahs', 'Thirteen', 'coronational'];

const SYLLABLES = 'zor vek qua lix mor dra thu kel bri sta yon fae gul rho xan pel vir osk jun wat ixo bel'.split(' ');
const fakeWord = () => cap(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join(''));

/** Filler watchlists bringing the planted list to `terms` terms in total (10 per list). */
function watchlists(terms: number): MatchList[] {
  const lists = [PLANTED];
  let left = terms - (1 + PLANTED.characters.length + PLANTED.cast.length + PLANTED.keywords.length);
  for (let n = 0; left > 0; n++) {
    const size = Math.min(10, left);
    const names = Array.from({ length: Math.max(0, size - 2) }, () => `${fakeWord()} ${fakeWord()}`);
    lists.push({
      id: `filler-${n}`,
      title: `${fakeWord()} ${fakeWord()} ${n}`,
      enabled: true,
      matchNameParts: true,
      characters: names.slice(0, names.length >> 1),
      cast: names.slice(names.length >> 1),
      keywords: size >= 2 ? [fakeWord().toLowerCase()] : [],
    });
    left -= size;
  }
  return lists;
}

/** Episode titles of ordinary words (none of them in VOCABULARY, so the expected count is exact). */
const ORDINARY_TITLES = 'Pilot Homecoming Reunion Aftermath Exodus Legacy Fallout Checkmate Crossroads Reckoning Lockdown Ghosts Visitors Strangers Tomorrow Departures'.split(' ');

/**
 * `count` shows in "past my episode" mode, 10 seasons of 10 episodes each, watched up to
 * S5E5; a third of the titles are ordinary words. Their names are planted below as
 * recaps (before the boundary) and previews (past it).
 */
function linkedShows(count: number): MatchList[] {
  return Array.from({ length: count }, (_, n) => {
    const titles: string[] = [];
    const plainTitles: string[] = [];
    for (let e = 0; e < 55; e++) (e % 3 === 0 ? plainTitles : titles).push(e % 3 === 0 ? pick(ORDINARY_TITLES) : `The ${fakeWord()} ${fakeWord()}`);
    return {
      id: `linked-${n}`,
      title: `${fakeWord()} ${fakeWord()} ${n}`,
      enabled: true,
      matchNameParts: true,
      characters: Array.from({ length: 4 }, () => `${fakeWord()} ${fakeWord()}`),
      cast: Array.from({ length: 4 }, () => `${fakeWord()} ${fakeWord()}`),
      keywords: [fakeWord().toLowerCase()],
      exceptions: [`${fakeWord()} ${fakeWord()}`],
      boundary: { season: 5, episode: 5, counts: Array<number>(10).fill(10), titles, plainTitles },
    };
  });
}

function sentence(): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(VOCABULARY));
  return `${cap(words.join(' '))}${pick(['.', '.', '.', '!', '?'])}`;
}

/** ~3 MB of paragraphs; returns which ones carry a planted mention. */
function corpus(): { paragraphs: string[]; planted: Set<number> } {
  const paragraphs: string[] = [];
  const planted = new Set<number>();
  let size = 0;
  while (size < 3_000_000) {
    const sentences = Array.from({ length: 1 + Math.floor(random() * 5) }, sentence);
    const roll = random();
    if (roll < 0.01) {
      const at = Math.floor(random() * sentences.length);
      sentences[at] = `${sentences[at]!.slice(0, -1)} and ${pick(MENTIONS)}.`;
      planted.add(paragraphs.length);
    } else if (roll < 0.02) {
      sentences.push(`${cap(pick(VOCABULARY))} ${pick(DECOYS)} ${pick(VOCABULARY)}.`);
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length;
  }
  return { paragraphs, planted };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const elapsed = (run: () => void): number => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
let sink = 0;
/** What the floor reads: the corpus, or the corpus with the linked shows planted. */
let floorTexts: string[] = [];
const floorPass = (): void => {
  let acc = 0; // a local int: a captured accumulator would box every addition
  for (const p of floorTexts) {
    const lower = p.toLowerCase();
    for (let i = 0; i < lower.length; i++) acc = (acc + lower.charCodeAt(i)) | 0;
  }
  sink ^= acc;
};
/**
 * Median ms of `run` and of the floor, timed alternately after a warm-up, so that load
 * from other processes on the machine hits both alike.
 */
function timeAgainstFloor(run: () => void, reps = 11): { ms: number; floor: number } {
  run();
  floorPass();
  const ms: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < reps; r++) {
    floor.push(elapsed(floorPass));
    ms.push(elapsed(run));
  }
  return { ms: median(ms), floor: median(floor) };
}

const { paragraphs, planted } = corpus();
floorTexts = paragraphs;
const chars = paragraphs.reduce((n, p) => n + p.length, 0);
const mbps = (ms: number) => (chars / 1e3 / ms).toFixed(0);

const floorMs = timeAgainstFloor(floorPass).ms;
console.log(`${paragraphs.length} paragraphs, ${(chars / 1e6).toFixed(2)} M chars, ${planted.size} planted mentions`);
console.log('');
console.log('| terms | compile ms | match ms | MB/s | ratio to floor |');
console.log('|---:|---:|---:|---:|---:|');
console.log(`| floor | – | ${floorMs.toFixed(1)} | ${mbps(floorMs)} | 1.00 |`);

const results = new Map<number, { compile: number; match: number; ratio: number }>();
let missed = 0;
let wrong = 0;
for (const terms of [10, 100, 1_000, 10_000]) {
  const lists = watchlists(terms);
  void compileMatcher(lists);
  const compile = median(Array.from({ length: 7 }, () => elapsed(() => void compileMatcher(lists))));
  const matcher = compileMatcher(lists);
  const { ms: match, floor } = timeAgainstFloor(() => {
    let acc = 0;
    for (const p of paragraphs) acc += matcher.match(p).length;
    sink ^= acc;
  });
  paragraphs.forEach((p, i) => {
    const hit = matcher.match(p).includes(PLANTED);
    if (planted.has(i) && !hit) missed++;
    if (!planted.has(i) && hit) wrong++;
  });
  const ratio = match / floor;
  results.set(terms, { compile, match, ratio });
  const label = terms.toLocaleString('en-US');
  console.log(`| ${label} | ${compile.toFixed(1)} | ${match.toFixed(1)} | ${mbps(match)} | ${ratio.toFixed(2)} |`);
}

// 50 shows linked to their episode lists (10 seasons of 10 episodes each), each watched
// up to S5E5 and hiding only what lies past it: their unwatched titles are patterns too,
// and a block naming one of them is read again for season/episode markers.
const linked = linkedShows(50);
void compileMatcher(linked);
const linkedCompile = median(Array.from({ length: 7 }, () => elapsed(() => void compileMatcher(linked))));
const linkedMatcher = compileMatcher(linked);
// One paragraph in 50 names a linked show and a season/episode, half of them past S5E5.
const linkedTexts = paragraphs.map((p, i) => {
  if (i % 50 !== 7) return p;
  const show = linked[i % linked.length]!;
  return `${p} ${show.characters[i % 4]} returns in S0${(i % 9) + 1}E0${(i % 7) + 1}.`;
});
floorTexts = linkedTexts;
const linkedRun = timeAgainstFloor(() => {
  let acc = 0;
  for (const p of linkedTexts) acc += linkedMatcher.match(p).length;
  sink ^= acc;
});
floorTexts = paragraphs;
const linkedTerms = linked.reduce((n, l) => n + 1 + l.characters.length + l.cast.length + l.keywords.length + l.boundary!.titles.length + l.boundary!.plainTitles.length, 0);
console.log(`| 50 linked shows (${linkedTerms.toLocaleString('en-US')} terms and titles) | ${linkedCompile.toFixed(1)} | ${linkedRun.ms.toFixed(1)} | ${mbps(linkedRun.ms)} | ${(linkedRun.ms / linkedRun.floor).toFixed(2)} |`);
const linkedHits = linkedTexts.filter((p) => linkedMatcher.match(p).length > 0).length;
const linkedExpected = linkedTexts.filter((p, i) => i % 50 === 7 && ((i % 9) + 1 > 5 || ((i % 9) + 1 === 5 && (i % 7) + 1 > 5))).length;
if (linkedHits !== linkedExpected) {
  console.log(`linked shows: ${linkedHits} paragraphs hidden, ${linkedExpected} expected`);
  process.exitCode = 1;
}

const r100 = results.get(100)!;
const r1k = results.get(1_000)!;
const r10k = results.get(10_000)!;
const check = (ok: boolean, what: string) => console.log(`${ok ? 'met    ' : 'NOT MET'}  ${what}`);
console.log('');
check(r1k.ratio <= 2.5, `1,000 terms ≤ 2.5× the floor (${r1k.ratio.toFixed(2)}×)`);
check(r10k.match <= 1.5 * r100.match, `10,000 terms ≤ 1.5× the cost of 100 terms (${(r10k.match / r100.match).toFixed(2)}×)`);
check(r10k.compile < 100, `compile 10,000 terms < 100 ms (${r10k.compile.toFixed(1)} ms)`);
check(linkedRun.ms / linkedRun.floor <= 2.5, `50 linked shows ≤ 2.5× the floor (${(linkedRun.ms / linkedRun.floor).toFixed(2)}×; ${linkedHits} paragraphs past a boundary)`);
check(missed === 0 && wrong === 0, `planted mentions all found, no decoy matched (missed ${missed}, false ${wrong})`);

// Cold: what one frame's content script pays at page load, in a fresh process each time.
// "1,000 names" is the profiled case: one list of 1,000 two-word names, parts on; the
// others are lists shaped like those timed above.
const names: MatchList = {
  id: 'names',
  title: 'Names',
  enabled: true,
  matchNameParts: true,
  characters: Array.from({ length: 500 }, () => `${fakeWord()} ${fakeWord()}`),
  cast: Array.from({ length: 500 }, () => `${fakeWord()} ${fakeWord()}`),
  keywords: [],
};
// The first paragraph with a mention, then the page's first 1,000 paragraphs (~220 KB).
const page = [paragraphs[[...planted][0]!]!, ...paragraphs.slice(0, 1_000)];
const COLD_TARGET = new Map<string, number>([['10', 2], ['1,000 names', 8]]);
console.log('\n| cold, fresh process | compile ms | first match ms | compile + 1,000 paragraphs ms | target |');
console.log('|---|---:|---:|---:|---:|');
// 100,000 two-word names in 100 lists: a watchlist past what most users keep, which
// every frame with text compiles; from the lists, and from the forms the background stores.
const hugeNames: MatchList[] = Array.from({ length: 100 }, (_, i) => ({
  ...names,
  id: `huge${i}`,
  title: `Huge ${i}`,
  characters: Array.from({ length: 1_000 }, () => `${fakeWord()} ${fakeWord()}`),
  cast: [],
}));
const coldCases: Array<[string, MatchList[], boolean]> = [
  ...[10, 100, 1_000, 10_000].map((n): [string, MatchList[], boolean] => [n.toLocaleString('en-US'), watchlists(n), false]),
  ['1,000 names', [names], false],
  ['1,000 names, stored forms', [names], true],
  ['100,000 names', hugeNames, false],
  ['100,000 names, stored forms', hugeNames, true],
];
const coldMissed: string[] = [];
for (const [label, lists, stored] of coldCases) {
  const { compile, firstMatch, allMatches } = coldCompile(lists, page, lists === hugeNames ? 3 : 9, stored);
  const target = COLD_TARGET.get(label);
  if (target !== undefined && compile > target) coldMissed.push(`${label}: ${compile.toFixed(1)} ms`);
  const cells = [label, compile.toFixed(1), firstMatch.toFixed(2), (compile + allMatches).toFixed(1), target ? `≤ ${target}` : '–'];
  console.log(`| ${cells.join(' | ')} |`);
}
console.log('');
check(coldMissed.length === 0, `cold compile of 10 terms ≤ 2 ms, of 1,000 names ≤ 8 ms${coldMissed.length ? ` (${coldMissed.join('; ')})` : ''}`);
if (sink === 0.5) console.log(sink); // keeps the timed loops from being optimized away
if (missed || wrong) process.exitCode = 1;
