/** One set of limits for every way in: whatever an import stores, Undo after deleting it puts back. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, MAX_TITLE_LENGTH } from '../../../lib/shared/limits';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { installI18n, realClient } from './helpers';

beforeEach(installI18n);

const file = (watchlists: unknown[]) => JSON.stringify({ format: 'plot-armor', version: 1, watchlists });

describe('limits', () => {
  it.each([MAX_TITLE_LENGTH - 1, MAX_TITLE_LENGTH, MAX_TITLE_LENGTH + 1, 2_000])(
    'a list imported with a %i-character title and long names comes back with Undo after a delete, or is refused at import',
    async (length) => {
      const model = createWatchlistsModel(realClient().client);
      const title = `L${'o'.repeat(length - 2)}g`;
      const term = 'n'.repeat(Math.min(length, MAX_TERM_LENGTH + 1));
      await model.importText(file([{ title, characters: [term] }]));
      const stored = model.lists.value;
      if (stored.length === 0) {
        expect(model.notice.value?.kind).toBe('error');
        expect(model.notice.value?.text).toMatch(/^Watchlist 1 of the file: .*longer than 500 characters\.$/);
        return;
      }
      const [list] = stored;
      await model.remove(list!.id);
      expect(model.lists.value).toEqual([]);
      await model.undo();
      expect(model.notice.value?.kind).toBe('status');
      expect(model.lists.value).toEqual([list]);
    },
  );

  it('refuses a name over the limit the same way when it is added or set', async () => {
    const model = createWatchlistsModel(realClient().client);
    await model.importText(file([{ title: 'Dark' }]));
    const id = model.lists.value[0]!.id;
    await model.addTerms(id, 'cast', ['x'.repeat(MAX_TERM_LENGTH + 1)]);
    expect(model.notice.value).toMatchObject({ kind: 'error', text: expect.stringMatching(/at most 500 characters/) });
    await model.update(id, { title: 't'.repeat(MAX_TITLE_LENGTH + 1) });
    expect(model.notice.value).toMatchObject({ kind: 'error', text: expect.stringMatching(/at most 500 characters/) });
  });
});
