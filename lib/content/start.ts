/**
 * The content script's main: reads the page state from storage, compiles the
 * matcher, starts the scanner, and follows every change of watchlists, pauses and
 * settings without a reload.
 *
 * Its lifetime is its own: nothing the page can send ends it. It stops when `signal`
 * aborts, or when a newer instance announces itself with `TAKEOVER_EVENT` right before
 * its first pass and this one finds its extension gone (reloaded or updated: `alive()`
 * turns false); its stop undoes everything it wrote. A page can send that event too,
 * but cannot make an instance whose extension is there believe it is gone. An instance
 * whose extension is gone and that nobody takes over (Chromium starts no new one in
 * open tabs) keeps the page as it is, hidden with the lists it had, until a reload.
 */
import type { BackgroundProtocol, RequestOf, VerbOf } from '../shared/messages';
import { compileOnFirstUse } from '../match/lazy';
import { compileSnapshot } from '../match/stored-forms';
import { isHostPaused, PAGE_STATE_KEYS, readPageState, type PageState } from '../shared/page-state';
import { listenForReveals } from '../scan/reveal-events';
import { createScanner, type Scanner } from '../scan/scanner';
import { activeListsAt } from '../shared/snapshot';
import { markReady, TAKEOVER_EVENT, sweepLeftovers } from './ready';
import { listenForShadowRoots } from './shadow-hook';
import { createSpoilerStyles } from './styles';
import { createTabTitle } from './tab-title';
import { pageWords, type GetMessage } from '../scan/words';
import { storedMessage } from '../shared/page-words';

/**
 * Sends the background a message the content script needs no answer to (a count, a
 * request to write the page state): answers and failures alike are ignored, so it
 * needs none of the unwrapping the extension's own pages do (lib/shared/client.ts).
 */
export type Notify = <K extends VerbOf<'content'>>(
  type: K,
  data: RequestOf<BackgroundProtocol, K>,
) => Promise<unknown>;

/** The slice of `browser.storage.local` the content script uses. */
export interface StorageArea {
  get(keys: readonly string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>) => void): void;
    removeListener(cb: (changes: Record<string, unknown>) => void): void;
  };
}

export interface ContentDeps {
  doc: Document;
  /** Stops the content script (it also stops on its own once its extension is gone). */
  signal?: AbortSignal;
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
  /** Whether this script's extension is still there (false once reloaded, updated or removed). */
  alive?: () => boolean;
  /** Whether this is the tab's top frame, whose title is the tab's (tab-title.ts). */
  top?: boolean;
  /**
   * `i18n.getMessage`, for what the content script says on the page where the state holds
   * no words of its own (lib/shared/page-words.ts).
   */
  getMessage: GetMessage;
  /**
   * Called once, by the pass that first hides something in this document: what needs a
   * hidden block (the popup's "reveal all" and "why") starts then, so a frame that never
   * hides anything (most frames: ads, trackers, empty ones) never pays for it.
   */
  onFirstHidden?: (scanner: Scanner) => void;
}

/**
 * Starts hiding spoilers in `doc`; returns the scanner once the first pass is done (null
 * when stopped before the page state was read).
 */
export async function startPlotArmor(deps: ContentDeps): Promise<Scanner | null> {
  const { doc, storage } = deps;
  const life = new AbortController();
  const signal = life.signal;
  const stop = (): void => life.abort();
  if (deps.signal?.aborted) stop();
  else deps.signal?.addEventListener('abort', stop);
  const alive = deps.alive ?? (() => true);
  const checkAlive = (): void => {
    if (!alive()) stop();
  };
  const { notify } = deps;

  // Marks on the top page's timeline, read by the benchmark (content script start → terms
  // ready); other frames leave them out, as every API a frame touches costs it.
  const perf = deps.top ? doc.defaultView?.performance : undefined;
  perf?.mark?.('plot-armor:start');
  const now = deps.now ?? Date.now;
  const win = doc.defaultView ?? globalThis.window;
  const styles = createSpoilerStyles(doc);
  // What it says on the page: the words stored with the state, else the catalogue's.
  let templates: unknown;
  const words = pageWords((key, substitutions) => storedMessage(templates, key, substitutions?.[0]) ?? deps.getMessage(key, substitutions));
  // The tab's title follows the top frame's; what a text matches is asked of the current matcher.
  const title = deps.top ? createTabTitle(doc, () => words.neutralTitle(deps.host)) : null;
  let names: ((text: string) => boolean) | null = null;
  let firstHidden = deps.onFirstHidden;
  const report = (hidden: number) => {
    // Called at the end of the pass that hid something, before the browser can paint it.
    if (hidden > 0) {
      styles.use();
      firstHidden?.(scanner!);
      firstHidden = undefined;
    }
    title?.update(names, hidden > 0);
    try {
      void notify('page/count', { hidden }).catch(() => {});
    } catch {
      // Chromium throws at once once the extension is gone: the page keeps working.
    }
  };
  // A signal aborts once: its listeners need no `once`.
  signal.addEventListener('abort', styles.remove);
  if (title) signal.addEventListener('abort', title.stop);
  const listenForTakeover = (): void => doc.addEventListener(TAKEOVER_EVENT, checkAlive, { signal });
  const listeners: Array<() => void> = [];
  // After `document.open()` (which erases the listeners of the document and its window)
  // or a new root element (which takes the style element with the old one), put them back.
  const onNewRoot = (): void => {
    styles.ensure();
    for (const attach of listeners) attach();
  };
  let scanner: Scanner | null = null;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = (state: PageState): void => {
    const started = perf?.now();
    styles.apply(state.blurStrength);
    const at = now();
    const lists = state.snapshot && !isHostPaused(deps.host, state.pausedSites) ? activeListsAt(state.snapshot, at) : [];
    // Compiled by the first pass that reads text: a frame without any never compiles.
    const snapshot = state.snapshot;
    const matcher = snapshot && lists.length > 0 ? compileOnFirstUse(() => compileSnapshot(snapshot, lists)) : null;
    // The tab title asks it only once something is hidden, so it never compiles it on its own.
    names = matcher && ((text) => matcher.match(text).length > 0);
    if (!scanner) {
      // The scanner and its listeners start once the state is read, right before the
      // first pass: until then the body is held invisible, and observing the page would
      // only hand every parser insertion to passes with nothing to match, since the first
      // pass reads the whole document (the open shadow roots in it included) anyway.
      const started = (scanner = createScanner({
        doc,
        signal,
        words,
        onCountChange: report,
        onShadowRoot: styles.adopt,
        onTextHidden: styles.showText,
        onEditable: styles.remove,
      }));
      listeners.push(
        listenForReveals(win, started, signal),
        listenForShadowRoots(doc, signal, (root) => started.addShadowRoot(root)),
        listenForTakeover,
      );
      listenForTakeover();
    }
    scanner.setMatcher(matcher);
    title?.update(names, scanner.hiddenCount() > 0);
    // A watchlist whose hide-until date passes while the page is open stops on time.
    clearTimeout(timer);
    const next = state.snapshot?.nextChange;
    if (next != null && next > at) timer = setTimeout(() => apply(state), Math.min(next - at, 2 ** 31 - 1));
    // How long compiling and one full pass took (read by the benchmark).
    perf?.measure?.('plot-armor:apply', { start: started });
  };
  // Storage can fail (e.g. the extension was reloaded under an open page): then it reads
  // as empty, and the page is shown rather than held.
  const readItems = (): Promise<Record<string, unknown>> => storage.get(PAGE_STATE_KEYS).catch(() => ({}));
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
    templates = state.words;
    perf?.mark?.('plot-armor:terms-ready');
    if (signal.aborted) return null;
    // An older instance whose extension is gone undoes its work now, in this same task,
    // so the page is never painted between its stop and this first pass; what an older
    // instance could not undo (Firefox ends it without running it again) is taken over.
    doc.dispatchEvent(new Event(TAKEOVER_EVENT));
    sweepLeftovers(doc, words);
    apply(state);
  } finally {
    // Whatever happened, never keep the page invisible.
    markReady(doc, signal, onNewRoot);
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
