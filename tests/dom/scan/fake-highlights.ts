/**
 * The CSS Custom Highlight API for jsdom, which has none: a highlight is a set of
 * ranges, the registry a map. Enough for the scanner to hide text through it, and for
 * tests to read what it hid.
 */
export function installFakeHighlights(win: Window = window): { texts(): string[]; uninstall(): void } {
  class FakeHighlight extends Set<AbstractRange> {}
  const registry = new Map<string, FakeHighlight>();
  const target = win as unknown as Record<string, unknown>;
  const before = { CSS: target.CSS, Highlight: target.Highlight };
  target.Highlight = FakeHighlight;
  target.CSS = { highlights: registry };
  return {
    /** The text of each range in the extension's highlight, trimmed, in document order. */
    texts: () =>
      [...(registry.get('plot-armor-hidden') ?? [])]
        .map((range) => range as Range)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
        .map((range) => range.toString().trim()),
    uninstall() {
      target.CSS = before.CSS;
      target.Highlight = before.Highlight;
    },
  };
}
