import { readFileSync } from 'node:fs';
import { chooseTerms, judge, watchlistOf } from './tests/support/real-pages/oracle';
const d = JSON.parse(readFileSync('/tmp/rp/dump.json', 'utf8'));
const without = new Map(d.without), withExt = new Map(d.withExtension), terms = new Map(d.terms);
const imported = watchlistOf('Real pages oracle', [...terms.values()] as any);
console.time('judge');
for (const [page, load] of withExt as any) judge(load.reading, [imported]);
console.timeEnd('judge');
const r = (withExt.get('reddit-feed.html') as any).reading;
for (const run of r.runs) { const t = run.map((p: any) => p[0]).join(''); if (/Communities/.test(t)) console.log(JSON.stringify(run)); }
console.log(imported.keywords.filter((k) => /communit/.test(k)), imported.characters.filter((k) => /Communit/.test(k)));
for (const [page, load] of without as any) {
  const extra = chooseTerms(load.reading, { names: 8, words: 0 }).names.filter((n) => !imported.characters.includes(n));
  if (!extra.length) continue;
  const ni = { ...watchlistOf('Never imported', [{ names: extra, words: [] }]), id: 'never' };
  const v = judge((withExt.get(page) as any).reading, [imported, ni]);
  const a = judge((withExt.get(page) as any).reading, [imported]);
  const added = v.misses.filter((m) => !a.misses.includes(m));
  const bad = added.filter((m) => !extra.some((n) => m.toLowerCase().includes(`[${n.toLowerCase()}`)));
  console.log(page, extra.join('|'), added.length, bad.slice(0, 3));
}
