/**
 * The tab's title can spoil as much as the page: while the page's own title names a
 * watched term and the page has hidden content, the tab shows a neutral title
 * ("Possible spoiler · example.com", in the browser's language: `PageWords.neutralTitle`). The page's own title comes back when the user
 * reveals everything, pauses the site, or the lists stop matching. Single-page apps
 * change their title on every navigation: each new title the page sets is taken as its
 * own and judged again.
 */

export interface TabTitle {
  /** Judges the page's own title again: `matches` tells whether a text names a watched term. */
  update(matches: ((text: string) => boolean) | null, hasHidden: boolean): void;
  /** Puts the page's own title back and stops following it. */
  stop(): void;
}

/** Follows `doc`'s title (the top frame's: it is the tab's) until stopped; `neutral()` stands in for a spoiling one. */
export function createTabTitle(doc: Document, neutral: () => string): TabTitle {
  /** The page's own title, and the title as this module last saw or set it. */
  let own = doc.title;
  let last = own;
  let matches: ((text: string) => boolean) | null = null;
  let hasHidden = false;
  let stopped = false;

  const judge = (): void => {
    // A title the page set since the last look is its own.
    if (doc.title !== last) own = doc.title;
    const hide = !stopped && hasHidden && !!matches && own.trim() !== '' && matches(own);
    const want = hide ? neutral() : own;
    if (doc.title !== want) doc.title = want;
    last = doc.title;
  };
  const win = doc.defaultView;
  let head: Element | null = null;
  // Started with the first hidden block: until then the title is never changed, so a page
  // that hides nothing (most pages) is not observed at all.
  let observer: MutationObserver | null = null;
  const watch = (): void => {
    head = doc.head;
    const target = head ?? doc.documentElement;
    if (target) observer?.observe(target, { subtree: !!head, childList: true, characterData: !!head });
  };
  return {
    update(next, hidden) {
      matches = next;
      hasHidden = hidden;
      if (!observer && hidden && !stopped && win) {
        observer = new win.MutationObserver(() => {
          // At document_start there is no <head> yet: watch the root's children until there is.
          if (!head && doc.head) watch();
          judge();
        });
        watch();
      }
      observer?.takeRecords();
      judge();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      observer?.disconnect();
      judge();
    },
  };
}
