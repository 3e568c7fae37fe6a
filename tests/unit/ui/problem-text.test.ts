import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseWatchlistFile } from '../../../lib/format/watchlist-file';
import { problem, type ProblemCode } from '../../../lib/shared/problem';
import { PROBLEM_MESSAGES, problemText } from '../../../lib/ui/problem-text';
import { createWatchlistsModel, errorText } from '../../../lib/ui/watchlists-model';
import { createBackgroundClient } from '../../../lib/shared/client';
import { createMessageHandler } from '../../../lib/background/handlers';
import { createTabCounts } from '../../../lib/background/tab-counts';
import { openPlotArmorDb } from '../../../lib/db/open';
import { messagesOf } from '../../support/catalogue';

const LOCALES = ['en', 'es', 'fr', 'de', 'pt_BR', 'ja'];
const speak = (locale: string) => {
  fakeBrowser.i18n.getMessage = messagesOf(locale) as typeof fakeBrowser.i18n.getMessage;
};

/** A model over a real background (fake-indexeddb). */
function model() {
  const origin = 'chrome-extension://test/';
  const db = openPlotArmorDb(`problems-${crypto.randomUUID()}`);
  const handle = createMessageHandler({
    db: () => db,
    publish: async () => {},
    counts: createTabCounts({ setBadgeText: async () => {}, area: null }),
    extensionOrigin: origin,
  });
  return createWatchlistsModel(createBackgroundClient((message) => handle(message, { url: `${origin}options.html` })));
}

describe('problems, worded for the user', () => {
  it.each(LOCALES)('every code has its sentence in %s, with each of its values put in', (locale) => {
    speak(locale);
    for (const code of Object.keys(PROBLEM_MESSAGES) as ProblemCode[]) {
      const values = ['«first»', '«second»', '«third»'];
      const text = problemText(problem(code, ...values));
      expect(text, code).not.toBe('');
      expect(text, code).not.toMatch(/\$|problem_/);
      // Each placeholder a message declares comes out as the value given for it.
      const declared = (messagesOf('en')(PROBLEM_MESSAGES[code], ['\u0001', '\u0002', '\u0003']).match(/[\u0001-\u0003]/g) ?? []).length;
      for (const value of values.slice(0, declared)) expect(text, code).toContain(value);
    }
  });

  it('formats numbers for the language and calls a group by its label', () => {
    speak('de');
    expect(problemText(problem('file-too-many-terms', 100_001, 100_000))).toBe(
      'Diese Datei enthält zu viele Namen (100.001): Plot Armor importiert höchstens 100.000 auf einmal.',
    );
    speak('fr');
    expect(problemText(problem('terms-not-list', 'cast'))).toBe('« Distribution » doit être une liste de noms.');
    // A title is never taken for a number.
    speak('en');
    expect(problemText(problem('title-taken', '1917'))).toBe('There is already a watchlist called “1917”.');
  });

  it('words a code it does not know (a newer background) as a plain failure', () => {
    speak('en');
    expect(problemText({ code: 'brand-new' as ProblemCode })).toBe('Plot Armor could not do this just now. Try again.');
    expect(problemText({ code: 'constructor' as ProblemCode })).toBe('Plot Armor could not do this just now. Try again.');
  });

  it('gives the file parser no sentence to build: its problems are worded here', () => {
    const parsed = parseWatchlistFile(JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ title: 'Dark' }, { title: 7 }] }));
    expect(parsed).toEqual({ ok: false, error: { code: 'entry-title-not-text', params: [2] } });
    speak('ja');
    expect(problemText((parsed as { error: Parameters<typeof problemText>[0] }).error)).toBe('ファイルの 2 番目のウォッチリスト：「title」は文字列にしてください。');
  });

  it.each([
    ['en', 'This file is version 7; this version of Plot Armor reads versions 1 to 2.', 'There is already a watchlist called “Dark”.'],
    ['es', 'Este archivo es de la versión 7; esta versión de Plot Armor lee las versiones 1 a 2.', 'Ya hay una lista llamada «Dark».'],
    ['pt_BR', 'Este arquivo é da versão 7; esta versão do Plot Armor lê as versões 1 a 2.', 'Já existe uma lista chamada “Dark”.'],
  ])("shows the background's refusals in the user's language (%s)", async (locale, fileError, taken) => {
    speak(locale);
    const m = model();
    await m.importText(JSON.stringify({ format: 'plot-armor', version: 7, watchlists: [] }));
    expect(m.notice.value).toEqual({ kind: 'error', text: fileError });
    await m.create({ title: 'Dark' });
    const refused = await m.create({ title: 'dark' }).catch((error: unknown) => error);
    expect(errorText(refused)).toBe(taken.replace('Dark', 'dark'));
  });
});
