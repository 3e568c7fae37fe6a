import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import type { MatchList } from '../../../lib/shared/watchlist';
import articleText from '../../fixtures/13-reasons-why-season-2-article.txt?raw';
import demoText from '../../fixtures/demo-watchlists.json?raw';
import { referenceMatch } from './reference';

interface DemoFile {
  watchlists: Array<Omit<MatchList, 'id' | 'matchNameParts'>>;
}
const demo = JSON.parse(demoText) as DemoFile;
const lists: MatchList[] = demo.watchlists.map((w) => ({ ...w, id: w.title, matchNameParts: true }));
const paragraphs = articleText
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);
const matcher = compileMatcher(lists);
const find = (start: string) => paragraphs.find((p) => p.startsWith(start))!;

describe('the 13 Reasons Why season 2 article with the demo watchlist', () => {
  // The title alone would hide most paragraphs; a copy without it shows the names and
  // keywords do their own work.
  const untitled = compileMatcher([{ ...lists[0]!, title: 'Untitled Show' }]);

  it.each([
    ['It’s SO close', '13 Reasons Why', matcher],
    ['While it hasn’t been', '13 Reasons Why', matcher],
    ['Additionally, it was recently announced that Ross Butler', 'Ross Butler', untitled],
    ['The first season centered around Clay Jensen', 'Clay, Hannah, tapes', untitled],
    ['It also featured a', 'Butler, Miles Heizer', untitled],
    ['Among the many answers', 'Alex, Heizer, Bryce', untitled],
  ])('hides the paragraph starting %j (%s)', (start, _why, m) => {
    expect(m.match(find(start))).toHaveLength(1);
  });

  it.each(['According to Deadline', 'Hopefully we’ll know'])('leaves %j alone', (start) => {
    expect(matcher.match(find(start))).toEqual([]);
    expect(untitled.match(find(start))).toEqual([]);
  });

  it('finds the names alone, not only the full phrases', () => {
    const alone = { ...lists[0]!, title: 'x', keywords: [] };
    const m = compileMatcher([alone]);
    for (const text of ['Clay receives a box', 'Hannah decided', 'including Butler, Alisha', 'Alex (Heizer) survives']) {
      expect(m.match(text)).toEqual([alone]);
    }
  });

  it('agrees with the reference on every paragraph', () => {
    for (const p of paragraphs) expect(matcher.match(p)).toEqual(referenceMatch(lists, p));
  });
});
