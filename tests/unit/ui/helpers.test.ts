import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromDateInput, toDateInput } from '../../../lib/ui/dates';
import { filterLists } from '../../../lib/ui/filter';
import { hostOf } from '../../../lib/ui/site-model';
import { isTermListPaste, splitTyped } from '../../../lib/ui/term-input';
import { MESSAGE_KEYS } from '../../dom/components/helpers';

describe('UI helpers', () => {
  it('splits typed text at the last comma', () => {
    expect(splitTyped('Clay')).toEqual({ terms: [], rest: 'Clay' });
    expect(splitTyped('Clay Jensen, Hannah,  Ton')).toEqual({ terms: ['Clay Jensen', 'Hannah'], rest: 'Ton' });
    expect(splitTyped('Clay,')).toEqual({ terms: ['Clay'], rest: '' });
    expect(isTermListPaste('a\nb')).toBe(true);
    expect(isTermListPaste('a, b')).toBe(true);
    expect(isTermListPaste('Clay Jensen')).toBe(false);
  });

  it('round-trips a date input value through epoch ms (local midnight)', () => {
    expect(toDateInput(null)).toBe('');
    expect(fromDateInput('')).toBeNull();
    expect(fromDateInput('2031-02-03')).toBe(new Date(2031, 1, 3).getTime());
    expect(toDateInput(fromDateInput('2031-02-03'))).toBe('2031-02-03');
  });

  it('filters lists by title, ignoring case and spacing', () => {
    const lists = [{ title: 'Dark' }, { title: 'The Dark Crystal' }, { title: 'Lost' }];
    expect(filterLists(lists, '  dark ')).toEqual([{ title: 'Dark' }, { title: 'The Dark Crystal' }]);
    expect(filterLists(lists, '')).toBe(lists);
  });

  it('pauses only web pages, by host', () => {
    expect(hostOf('https://News.Example.com/a?b')).toBe('news.example.com');
    expect(hostOf('chrome://extensions')).toBeNull();
    expect(hostOf(undefined)).toBeNull();
  });

  it('has every message key the UI uses in the English catalogue', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:t|msg)\('([a-z_]+)'/g)) used.add(m[1]!);
      }
    };
    ['components', 'lib/ui', 'lib/background'].forEach(walk);
    expect([...used].filter((key) => !MESSAGE_KEYS.includes(key))).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });
});
