import { describe, expect, it, vi } from 'vitest';
import { addItemId, createContextMenu, MENU_LISTS, parseAddItemId, type MenusApi } from '../../../lib/background/context-menu';
import type { TermGroup } from '../../../lib/shared/watchlist';
import { formatMessage } from '../../dom/components/helpers';

type Item = Parameters<MenusApi['create']>[0];

function setup(lists: { id: string; title: string; updatedAt?: number }[]) {
  let items: Item[] = [];
  const menus: MenusApi = {
    removeAll: vi.fn(async () => {
      items = [];
    }),
    create: vi.fn((item: Item) => void items.push(item)),
  };
  const addTerms = vi.fn(async (_id: string, _group: TermGroup, _terms: string[]) => {});
  const openOptions = vi.fn(async () => {});
  const menu = createContextMenu({
    menus,
    lists: async () => lists.map((list) => ({ updatedAt: 0, ...list })),
    addTerms,
    openOptions,
    msg: (key) => formatMessage(key),
  });
  return { menu, addTerms, openOptions, menus, items: () => items, lists };
}

describe('context menu', () => {
  it('offers every watchlist and, under each, the three groups, on selected text only', async () => {
    const { menu, items } = setup([{ id: 'a', title: 'Dark' }, { id: 'b', title: 'Law & Order' }]);
    await menu.rebuild();
    const tree = items().map((i) => `${i.parentId ?? ''} > ${i.title}`);
    expect(tree).toEqual([
      ' > Add “%s” to watchlist',
      'plot-armor-add > Dark',
      'plot-armor-list:a > Characters',
      'plot-armor-list:a > Cast',
      'plot-armor-list:a > Keywords',
      'plot-armor-add > Law && Order',
      'plot-armor-list:b > Characters',
      'plot-armor-list:b > Cast',
      'plot-armor-list:b > Keywords',
    ]);
    expect(items().every((i) => i.contexts?.[0] === 'selection')).toBe(true);
  });

  it('rebuilds from scratch, never interleaving two rebuilds', async () => {
    const { menu, items, lists } = setup([{ id: 'a', title: 'Dark' }]);
    lists.push({ id: 'c', title: 'Lost' });
    await Promise.all([menu.rebuild(), menu.rebuild(), menu.rebuild()]);
    expect(items().filter((i) => i.parentId === 'plot-armor-add').map((i) => i.title)).toEqual(['Dark', 'Lost']);
  });

  it('shows a disabled item when there are no watchlists', async () => {
    const { menu, items } = setup([]);
    await menu.rebuild();
    expect(items()[1]).toMatchObject({ title: 'No watchlists yet', enabled: false });
  });

  it('adds the cleaned selection to the chosen list and group; ignores other items and empty selections', async () => {
    const { menu, addTerms } = setup([{ id: 'a', title: 'Dark' }]);
    await menu.onClicked({ menuItemId: addItemId('a:with:colons', 'cast'), selectionText: '  Louis\n Hofmann ' });
    expect(addTerms).toHaveBeenCalledWith('a:with:colons', 'cast', ['Louis Hofmann']);
    await menu.onClicked({ menuItemId: 'plot-armor-list:a', selectionText: 'x' });
    await menu.onClicked({ menuItemId: addItemId('a', 'keywords'), selectionText: '   ' });
    await menu.onClicked({ menuItemId: addItemId('a', 'keywords'), selectionText: 'x'.repeat(501) });
    expect(addTerms).toHaveBeenCalledTimes(1);
    expect(parseAddItemId('plot-armor-add:villains:a')).toBeNull();
  });

  it('shows the most recently changed lists only, and leads to the options page for the rest', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `id${i}`, title: `Show ${i}`, updatedAt: i }));
    const { menu, items, menus, openOptions } = setup(many);
    await menu.rebuild();
    const shown = items().filter((i) => i.parentId === 'plot-armor-add');
    expect(shown.map((i) => i.title)).toEqual([
      ...many.slice(-MENU_LISTS).map((l) => l.title),
      'Other watchlists (open the options page)',
    ]);
    expect(vi.mocked(menus.create).mock.calls.length).toBe(1 + MENU_LISTS * 4 + 1);
    await menu.onClicked({ menuItemId: shown.at(-1)!.id });
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('rebuilds once more after a burst of changes, not once per change', async () => {
    const { menu, menus } = setup([{ id: 'a', title: 'Dark' }]);
    await Promise.all(Array.from({ length: 20 }, () => menu.rebuild()));
    expect(vi.mocked(menus.removeAll).mock.calls.length).toBe(2);
  });
});
