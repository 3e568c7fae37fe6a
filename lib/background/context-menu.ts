/**
 * The "Add to watchlist" context menu on selected text: one item per watchlist, and
 * under each the three groups. Choosing one adds the selection as a term. The menu is
 * rebuilt whenever the watchlists change (the background calls `rebuild` after writes).
 */
import { cleanText } from '../shared/term-text';
import { TERM_GROUPS, type TermGroup, type Watchlist } from '../shared/watchlist';

const ROOT = 'plot-armor-add';
const LIST_PREFIX = 'plot-armor-list:';
const ADD_PREFIX = 'plot-armor-add:';
/** A selection longer than this is not a name (the background refuses longer terms anyway). */
const MAX_TERM = 500;

/** The part of `browser.contextMenus` the menu uses. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(props: { id: string; parentId?: string; title: string; contexts?: ['selection']; enabled?: boolean }): unknown;
}

/** What the menu needs from the background. */
export interface ContextMenuDeps {
  menus: MenusApi;
  /** The current watchlists (title order). */
  lists(): Promise<Pick<Watchlist, 'id' | 'title'>[]>;
  /** Adds terms to a group of a watchlist (and republishes the page state). */
  addTerms(id: string, group: TermGroup, terms: string[]): Promise<void>;
  /** Translates a message key (browser.i18n). */
  msg(key: 'menu_add_to_watchlist' | 'menu_no_watchlists' | `group_${TermGroup}`): string;
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
  let queue: Promise<void> = Promise.resolve();
  const build = async () => {
    const lists = await deps.lists();
    await deps.menus.removeAll();
    deps.menus.create({ id: ROOT, title: deps.msg('menu_add_to_watchlist'), contexts: ['selection'] });
    if (lists.length === 0) {
      deps.menus.create({ id: `${ROOT}-none`, parentId: ROOT, title: deps.msg('menu_no_watchlists'), contexts: ['selection'], enabled: false });
    }
    for (const list of lists) {
      const listItem = `${LIST_PREFIX}${list.id}`;
      deps.menus.create({ id: listItem, parentId: ROOT, title: menuText(list.title), contexts: ['selection'] });
      for (const group of TERM_GROUPS) {
        deps.menus.create({ id: addItemId(list.id, group), parentId: listItem, title: deps.msg(`group_${group}`), contexts: ['selection'] });
      }
    }
  };
  return {
    /** Rebuilds the menu from the watchlists; calls are queued so two rebuilds never interleave. */
    rebuild(): Promise<void> {
      queue = queue.then(build, build).catch(() => {});
      return queue;
    },
    /** Handles a click: adds the selected text to the chosen list and group. */
    async onClicked(info: { menuItemId: string | number; selectionText?: string }): Promise<void> {
      const target = parseAddItemId(info.menuItemId);
      const term = cleanText(info.selectionText ?? '');
      if (!target || term === '' || term.length > MAX_TERM) return;
      await deps.addTerms(target.id, target.group, [term]);
    },
  };
}

/** Menu titles treat `&` as an access-key marker on some platforms; `&&` shows one `&`. */
function menuText(title: string): string {
  return title.replace(/&/g, '&&');
}
