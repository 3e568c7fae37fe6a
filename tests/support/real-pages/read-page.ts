/**
 * What the real-page oracle reads from a loaded page, in the page itself. It knows
 * nothing of the scanner's tag lists or rules: text is grouped into runs the way the
 * browser lays it out (a run ends wherever an element is not displayed inline), and
 * what is hidden is read from the public contract only (`data-plot-armor="hidden"`, the
 * `plot-armor-hidden` highlight, `data-plot-armor-ui` on what the extension adds).
 *
 * `readPage` is passed to `page.evaluate`, so it is self-contained: no imports, no
 * helpers from outside its body.
 */

/** One piece of a run: a text node's text and whether it is hidden; null for a line break. */
export type Piece = [text: string, hidden: boolean | null];

export interface PageReading {
  /** The visible text, in runs (the text of one paragraph-like box), in document order. */
  runs: Piece[][];
  /** Visible images' `alt` text and whether the image is hidden. */
  images: Array<[alt: string, hidden: boolean]>;
  /**
   * Each hidden thing (an element, or a text hidden through the highlight), outermost
   * only: the runs of visible text inside it (a NUL between the texts of two nodes), its
   * `alt` and `aria-label` text and those of the elements inside it, and the places
   * among the page's elements of it and of what it holds (none for a text).
   */
  hidden: Array<{ runs: string[]; labels: string; elements: number[] }>;
  /**
   * The `title` of every element that has one, by its place in document order among
   * the page's own elements (the extension's left out): hidden elements get the
   * extension's hint as their title, so the page's own is read from the page without it.
   */
  titles: Record<number, string>;
  /** The text and attribute values of everything the extension added to the page. */
  added: string[];
  /** The root's scrollHeight and scrollWidth. */
  scroll: [height: number, width: number];
  /** The box of every table cell, in document order: x, y, width, height (CSS px, rounded). */
  cells: number[][];
}

/** Reads the page (run in the page with `page.evaluate`). */
export function readPage(): PageReading {
  const SKIPPED = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'INPUT', 'SVG', 'MATH', 'HEAD'];
  const UI = 'data-plot-armor-ui';
  const highlight = (globalThis.CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('plot-armor-hidden');
  const hiddenTexts = new Set<Node>();
  if (highlight) for (const range of highlight) hiddenTexts.add(range.startContainer);
  const isHiddenText = (text: Text): boolean =>
    hiddenTexts.has(text) || text.parentElement?.closest('[data-plot-armor="hidden"]') != null;
  const inline = (display: string): boolean => display === 'inline' || display === 'contents' || display.startsWith('ruby');
  const skipped = (el: Element): boolean =>
    SKIPPED.includes(el.tagName.toUpperCase()) || el.hasAttribute(UI) || (el as HTMLElement).isContentEditable;
  const measure = document.createRange();
  const visible = (text: Text): boolean => {
    const style = getComputedStyle(text.parentElement!);
    if (style.visibility !== 'visible') return false;
    measure.selectNodeContents(text);
    return measure.getClientRects().length > 0;
  };

  /** The runs of visible text under `root`; images met go to `images`. */
  const runsOf = (root: Element, images?: Array<[string, boolean]>): Piece[][] => {
    const runs: Piece[][] = [];
    let run: Piece[] = [];
    const end = () => {
      if (run.length > 0) runs.push(run);
      run = [];
    };
    const walk = (el: Element): void => {
      for (let node = el.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3) {
          const text = node as Text;
          if (text.data.length > 0 && visible(text)) run.push([text.data, isHiddenText(text)]);
          continue;
        }
        if (node.nodeType !== 1) continue;
        const child = node as Element;
        if (skipped(child)) continue;
        const display = getComputedStyle(child).display;
        if (display === 'none') continue;
        const tag = child.tagName.toUpperCase();
        if (tag === 'BR') {
          run.push(['\n', null]);
          continue;
        }
        if (tag === 'IMG' && images && child.getClientRects().length > 0) {
          const alt = child.getAttribute('alt');
          if (alt) images.push([alt, child.closest('[data-plot-armor="hidden"]') !== null]);
        }
        if (inline(display)) walk(child);
        else {
          end();
          walk(child);
          end();
        }
      }
    };
    walk(root);
    end();
    return runs;
  };

  const images: Array<[string, boolean]> = [];
  const runs = document.body ? runsOf(document.body, images) : [];

  const hidden: PageReading['hidden'] = [];
  const titles: Record<number, string> = {};
  // Pieces that touch stay apart by a NUL: the page's styles may set them apart (margins, `::before`).
  const text = (pieces: Piece[]) => pieces.map(([t]) => t).join('\u0000');
  let index = 0;
  // The outermost hidden element being read, which every element inside it adds its labels to.
  let outer: { el: Element; entry: PageReading['hidden'][number] } | null = null;
  for (const el of document.querySelectorAll('*')) {
    if (el.closest(`[${UI}]`)) continue;
    const element = index++;
    const title = el.getAttribute('title');
    if (title) titles[element] = title;
    if (outer && !outer.el.contains(el)) outer = null;
    if (!outer && el.getAttribute('data-plot-armor') === 'hidden') {
      outer = { el, entry: { runs: runsOf(el).map(text), labels: '', elements: [] } };
      hidden.push(outer.entry);
    }
    if (!outer) continue;
    outer.entry.elements.push(element);
    outer.entry.labels += ` ${['alt', 'aria-label'].map((name) => el.getAttribute(name) ?? '').join(' ')}`;
  }
  for (const node of hiddenTexts) {
    if (node.nodeType === 3 && node.isConnected && visible(node as Text)) hidden.push({ runs: [(node as Text).data], labels: '', elements: [] });
  }

  const added: string[] = [];
  const addAll = (root: Element | ShadowRoot) => {
    if (root instanceof Element) for (const { value } of root.attributes) added.push(value);
    for (const el of root.querySelectorAll('*')) {
      for (const { value } of el.attributes) added.push(value);
      if (el.shadowRoot) addAll(el.shadowRoot);
    }
    added.push(root.textContent ?? '');
  };
  for (const el of document.querySelectorAll(`[${UI}]`)) if (el.tagName.toUpperCase() !== 'STYLE') addAll(el);
  for (const el of document.querySelectorAll('[data-plot-armor-for]')) added.push(el.getAttribute('data-plot-armor-for')!);

  const cells: number[][] = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const box = cell.getBoundingClientRect();
    cells.push([box.x + scrollX, box.y + scrollY, box.width, box.height].map(Math.round));
  }
  const root = document.documentElement;
  return { runs, images, hidden, titles, added, scroll: [root.scrollHeight, root.scrollWidth], cells };
}
