import type { Matcher } from '../../../lib/match/compile';
import type { MatchList } from '../../../lib/shared/watchlist';

/**
 * A deliberately simple matcher for scanner tests (case-insensitive substring on word
 * boundaries), so the scanner is tested apart from the real matching rules.
 */
export function fakeMatcher(lists: Record<string, string[]>): Matcher {
  const compiled = Object.entries(lists).map(([title, terms]) => ({
    list: { id: title, title, enabled: true, matchNameParts: false, characters: [], cast: [], keywords: terms } satisfies MatchList,
    patterns: terms.map((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu')),
  }));
  return {
    empty: compiled.length === 0,
    match: (text) => compiled.filter((c) => c.patterns.some((p) => p.test(text))).map((c) => c.list),
    explain: (text) =>
      compiled.flatMap((c) => {
        const found = c.patterns.map((p) => p.exec(text)).find((m) => m !== null);
        return found ? [{ list: c.list, term: found[0].replace(/^[^\p{L}\p{N}]|[^\p{L}\p{N}]$/gu, ''), past: null }] : [];
      }),
  };
}
