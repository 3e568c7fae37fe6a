/**
 * A generated page for the scanning benchmark: 20,000 paragraphs (~6 MB), 200 of
 * them naming a watched character, and a watchlist of ~1,000 terms.
 */
import { prng } from './prng';

const WORDS = (
  'the a of and to in is was it for on with as his her they at be this from by had not are but ' +
  'what all were when we there can an your which their said if do will each about how up out them ' +
  'then she many some so these would other into has more two like him see time could no make than ' +
  'first been its who now people my made over did down only way find use may water long little very ' +
  'after words called just where most know get through back much before go good new write our used ' +
  'me man too any day same right look think also around another came come work three word must because ' +
  'does part even place well such here take why things help put years different away again off went old ' +
  'number great tell men say small every found still between name should home big give air line set own ' +
  'under read last never us left end along while might next sound below saw something thought both few ' +
  'those always looked show large often together asked house world going want school important until form'
).split(' ');

const FIRST = ['Ava', 'Milo', 'Iris', 'Jonah', 'Priya', 'Tobias', 'Leona', 'Rafael', 'Sunny', 'Ezra', 'Noor', 'Felix', 'Greta', 'Omar', 'Talia', 'Quentin'];
const LAST = ['Marlowe', 'Okafor', 'Lindqvist', 'Castellano', 'Whitcombe', 'Abernathy', 'Nakamura', 'Desrosiers', 'Halloran', 'Vasquez', 'Thorne', 'Pemberton', 'Ishikawa', 'Quarles'];

/** ~`count` distinct made-up names (two words each), none of them English words. */
export function makeNames(count: number, random: () => number): string[] {
  const names = new Set<string>();
  let i = 0;
  while (names.size < count) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    names.add(`${first} ${last}${names.size >= FIRST.length * LAST.length ? `-${i}` : ''}`);
    i++;
  }
  return [...names];
}

/** An English-like sentence of `n` common words. */
export function sentence(n: number, random: () => number): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export interface BenchPage {
  html: string;
  terms: string[];
  spoilers: number;
}

/** The page and the terms: `spoilers` of the `paragraphs` name one of the terms. */
export function makeBenchPage(options: { paragraphs?: number; spoilers?: number; terms?: number; seed?: number } = {}): BenchPage {
  const { paragraphs = 20_000, spoilers = 200, terms: termCount = 1_000, seed = 7 } = options;
  const random = prng(seed);
  const terms = makeNames(termCount, random);
  const every = Math.floor(paragraphs / spoilers);
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    let text = `${sentence(30, random)} ${sentence(28, random)}`;
    if (i % every === every - 1) {
      const name = terms[Math.floor(random() * terms.length)]!;
      text = `${sentence(12, random)} ${name} ${sentence(20, random)}`;
    }
    parts.push(`<p>${text}</p>`);
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Bench</title>
<script>
  window.__bench = { hidden: 0, hiddenAt: null, loadAt: null };
  new MutationObserver((records) => {
    for (const r of records) if (r.target.getAttribute('data-plot-armor') === 'hidden' && r.oldValue !== 'hidden') window.__bench.hidden++;
    if (window.__bench.hiddenAt === null && window.__bench.hidden >= ${spoilers}) window.__bench.hiddenAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-plot-armor'] });
  addEventListener('load', () => { window.__bench.loadAt = performance.now(); });
</script></head><body><main>
${parts.join('\n')}
</main></body></html>`;
  return { html, terms, spoilers };
}
