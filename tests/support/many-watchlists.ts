/**
 * A watchlist file with `count` lists of 40 terms each; the first has a 300-letter
 * title (long names must wrap, not widen the popup). Used by the UI tests and the
 * popup benchmark.
 */
export function manyWatchlists(count: number) {
  const watchlists = Array.from({ length: count }, (_, i) => ({
    title: i === 0 ? `A${'a'.repeat(300)}rgh` : `Show number ${i} ${'with a long name '.repeat(i % 4)}`,
    characters: Array.from({ length: 20 }, (_, j) => `Character ${i} ${j}`),
    cast: Array.from({ length: 20 }, (_, j) => `Actor ${i} ${j}`),
  }));
  return { format: 'plot-armor', version: 1, watchlists };
}
