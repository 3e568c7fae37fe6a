/**
 * The "Add to watchlist" context menu on selected text: one item per watchlist, and
 * under each the three groups. Choosing one adds the selection as a term. The menu is
 * rebuilt whenever the watchlists change (the background calls `rebuild` after writes).
 * It holds the most recently changed lists only (each costs four calls into the
 * browser, and a menu of thousands helps nobody); the others are in the options page.
 */
import { MAX_TERM_LENGTH } from '../shared/limits';
import { cleanText } from '../shared/term-text';
import { TERM_GROUPS, type TermGroup, type Watchlist } from '../shared/watchlist';

const ROOT = 'plot-armor-add';
const LIST_PREFIX = 'plot-armor-list:';
const ADD_PREFIX = 'plot-armor-add:';
/** The most lists the menu shows. */
export const MENU_LISTS = 30;
const MORE = `${ROOT}-more`;

/** The part of `browser.contextMenus` the menu uses. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(props: { id: string; parentId?: string; title: string; contexts?: ['selection']; enabled?: boolean }): unknown;
}

/** What the menu needs from the background. */
export interface ContextMenuDeps {
  menus: MenusApi;
  /** The current watchlists (title order). */
  lists(): Promise<Pick<Watchlist, 'id' | 'title' | 'updatedAt'>[]>;
  /** Adds terms to a group of a watchlist (and republishes the page state). */
  addTerms(id: string, group: TermGroup, terms: string[]): Promise<void>;
  /** Opens the options page (the menu's last item, when it cannot show every list). */
  openOptions(): Promise<void>;
  /** Translates a message key (browser.i18n). */
  msg(key: 'menu_add_to_watchlist' | 'menu_no_watchlists' | 'menu_more_watchlists' | `group_${TermGroup}`): string;
}

/** The menu item id that adds to `group` of list `id`. */
export function addItemId(id: string, group: TermGroup): string {
  return `${ADD_PREFIX}${group}:${id}`;
}

/** Reads an item id made by `addItemId`; null for any other item. */
export function parseAddItemId(itemId: string | number): { id: string; group: TermGroup } | null {
  if (typeof itemId !== 'string' || !itemId.startsWith(ADD_PREFIX)) return null;
  const rest = itemId.slice(ADD_PREFIX.length);
  const cut = rest.indexOf(':');
  const group = rest.slice(0, cut) as TermGroup;
  return cut > 0 && TERM_GROUPS.includes(group) ? { id: rest.slice(cut + 1), group } : null;
}

/** Creates the menu; `rebuild()` once at start and after every change, `onClicked` as the click listener. */
export function createContextMenu(deps: ContextMenuDeps) {
  const build = async () => {
    const lists = await deps.lists();
    await deps.menus.removeAll();
    deps.menus.create({ id: ROOT, title: deps.msg('menu_add_to_watchlist'), contexts: ['selection'] });
    if (lists.length === 0) {
      deps.menus.create({ id: `${ROOT}-none`, parentId: ROOT, title: deps.msg('menu_no_watchlists'), contexts: ['selection'], enabled: false });
    }
    for (const list of shownLists(lists)) {
      const listItem = `${LIST_PREFIX}${list.id}`;
      deps.menus.create({ id: listItem, parentId: ROOT, title: menuText(list.title), contexts: ['selection'] });
      for (const group of TERM_GROUPS) {
        deps.menus.create({ id: addItemId(list.id, group), parentId: listItem, title: deps.msg(`group_${group}`), contexts: ['selection'] });
      }
    }
    if (lists.length > MENU_LISTS) {
      deps.menus.create({ id: MORE, parentId: ROOT, title: deps.msg('menu_more_watchlists'), contexts: ['selection'] });
    }
  };
  // One build at a time, and at most one waiting: a burst of changes rebuilds once more,
  // not once per change.
  let running: Promise<void> | null = null;
  let waiting: Promise<void> | null = null;
  const start = (): Promise<void> => {
    running = build().catch(() => {}).finally(() => {
      running = null;
    });
    return running;
  };
  return {
    /** Rebuilds the menu from the watchlists; two rebuilds never interleave, and a burst coalesces. */
    rebuild(): Promise<void> {
      if (!running) return start();
      waiting ??= running.then(() => {
        waiting = null;
        return start();
      });
      return waiting;
    },
    /** Handles a click: adds the selected text to the chosen list and group. */
    async onClicked(info: { menuItemId: string | number; selectionText?: string }): Promise<void> {
      if (info.menuItemId === MORE) return deps.openOptions();
      const target = parseAddItemId(info.menuItemId);
      const term = cleanText(info.selectionText ?? '');
      if (!target || term === '' || term.length > MAX_TERM_LENGTH) return;
      await deps.addTerms(target.id, target.group, [term]);
    },
  };
}

/** The lists the menu shows: the most recently changed, in the given (title) order. */
function shownLists<T extends { updatedAt: number }>(lists: T[]): T[] {
  if (lists.length <= MENU_LISTS) return lists;
  const recent = new Set([...lists].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MENU_LISTS));
  return lists.filter((list) => recent.has(list));
}

/** Menu titles treat `&` as an access-key marker on some platforms; `&&` shows one `&`. */
function menuText(title: string): string {
  return title.replace(/&/g, '&&');
}
