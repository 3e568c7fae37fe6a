/**
 * The content script's main: reads the page state from storage, compiles the
 * matcher, starts the scanner, and follows every change of watchlists, pauses and
 * settings without a reload.
 */
import type { BackgroundProtocol, RequestOf } from '../shared/messages';
import { compileMatcher } from '../match/compile';
import { isHostPaused, PAGE_STATE_KEYS, readPageState, type PageState } from '../shared/page-state';
import { listenForReveals } from '../scan/reveal-events';
import { createScanner, type Scanner } from '../scan/scanner';
import { activeListsAt } from '../shared/snapshot';
import { markReady } from './ready';
import { listenForShadowRoots } from './shadow-hook';
import { createSpoilerStyles } from './styles';

/**
 * Sends the background a message the content script needs no answer to (a count, a
 * request to write the page state): answers and failures alike are ignored, so it
 * needs none of the unwrapping the extension's own pages do (lib/shared/client.ts).
 */
export type Notify = <K extends 'page/count' | 'page/refresh-snapshot'>(
  type: K,
  data: RequestOf<BackgroundProtocol, K>,
) => Promise<unknown>;

/** The slice of `browser.storage.local` the content script uses. */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>) => void): void;
    removeListener(cb: (changes: Record<string, unknown>) => void): void;
  };
}

export interface ContentDeps {
  doc: Document;
  signal: AbortSignal;
  storage: StorageArea;
  notify: Notify;
  /** The site the user pauses: the top page's host. */
  host: string;
  /**
   * The page state handed over at once where the background registered it (Firefox,
   * `lib/shared/early-state.ts`); storage is read as well, and whichever answers first is used.
   */
  early?: Promise<Record<string, unknown>>;
  now?: () => number;
}

/** Starts hiding spoilers in `doc`; returns the scanner once the first pass is done. */
export async function startPlotArmor(deps: ContentDeps): Promise<Scanner> {
  const { doc, signal, storage, notify } = deps;
  // Marks on the page's timeline, read by the benchmark (content script start → terms ready).
  const perf = doc.defaultView?.performance;
  perf?.mark?.('plot-armor:start');
  const now = deps.now ?? Date.now;
  const win = doc.defaultView ?? globalThis.window;
  const styles = createSpoilerStyles(doc);
  const report = (hidden: number) => void notify('page/count', { hidden }).catch(() => {});
  const scanner = createScanner({ doc, signal, onCountChange: report, onShadowRoot: styles.adopt, onTextHidden: styles.showText });
  listenForReveals(win, scanner, signal);
  listenForShadowRoots(doc, signal, (root) => scanner.addShadowRoot(root));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = (state: PageState): void => {
    const started = perf?.now();
    styles.apply(state.blurStrength);
    const at = now();
    const lists = state.snapshot && !isHostPaused(deps.host, state.pausedSites) ? activeListsAt(state.snapshot, at) : [];
    scanner.setMatcher(lists.length > 0 ? compileMatcher(lists) : null);
    // A watchlist whose hide-until date passes while the page is open stops on time.
    clearTimeout(timer);
    const next = state.snapshot?.nextChange;
    if (next != null && next > at) timer = setTimeout(() => apply(state), Math.min(next - at, 2 ** 31 - 1));
    // How long compiling and one full pass took (read by the benchmark).
    if (started !== undefined) perf?.measure?.('plot-armor:apply', { start: started });
  };
  // Storage can fail (e.g. the extension was reloaded under an open page): then it reads
  // as empty, and the page is shown rather than held.
  const readItems = (): Promise<Record<string, unknown>> => storage.get([...PAGE_STATE_KEYS]).catch(() => ({}));
  const read = async () => readPageState(await readItems());

  try {
    const stored = readItems();
    const first = await Promise.race([
      stored.then((items) => ({ items, early: false })),
      ...(deps.early ? [deps.early.then((items) => ({ items, early: true }))] : []),
    ]);
    let state = readPageState(first.items);
    if (first.early) {
      // The registered copy was first. It can be a moment behind storage (the
      // background replaces it after writing storage): check, and follow storage if so.
      void stored.then((items) => {
        const same = PAGE_STATE_KEYS.every((key) => JSON.stringify(items[key]) === JSON.stringify(first.items[key]));
        if (!same && !signal.aborted) apply(readPageState(items));
      });
    }
    if (!state.snapshot) {
      // First run after install, before the background wrote the state: ask for it.
      await notify('page/refresh-snapshot', {}).catch(() => {});
      state = await read();
    }
    perf?.mark?.('plot-armor:terms-ready');
    if (signal.aborted) return scanner;
    apply(state);
  } finally {
    // Whatever happened, never keep the page invisible.
    markReady(doc, signal);
  }

  const onChanged = (changes: Record<string, unknown>) => {
    if (!PAGE_STATE_KEYS.some((key) => key in changes)) return;
    void read().then((next) => {
      if (!signal.aborted) apply(next);
    });
  };
  storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    storage.onChanged.removeListener(onChanged);
    clearTimeout(timer);
  });
  return scanner;
}
