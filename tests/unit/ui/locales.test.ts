// @vitest-environment node
/**
 * The translations: every locale has every English key with the same placeholders, and
 * no user-visible string is written in the UI's code instead of the message files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Entry>;

const LOCALES_DIR = 'public/_locales';
const read = (locale: string): Catalogue => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;
const en = read('en');
const locales = readdirSync(LOCALES_DIR).filter((name) => name !== 'en').sort();

/** Keys whose text is the same in every language (the product's name). */
const SAME_IN_EVERY_LANGUAGE = new Set(['extension_name']);

/** The substitutions a message uses: `$NAME$` placeholders (case-insensitive, as the browser reads them), `$1`, and `%s`. */
const tokensOf = (message: string): string[] =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$|\$\d|%s/g)].map((m) => (m[1] ? `$${m[1].toLowerCase()}$` : m[0])).sort();

describe('the locales', () => {
  it('ship the languages the store listing names', () => {
    expect(locales).toEqual(expect.arrayContaining(['de', 'es', 'fr', 'ja', 'pt_BR']));
  });

  describe.each(locales)('%s', (locale) => {
    const catalogue = read(locale);

    it('has every English key, and no key English lacks', () => {
      expect(Object.keys(catalogue).filter((key) => !(key in en))).toEqual([]);
      expect(Object.keys(en).filter((key) => !(key in catalogue))).toEqual([]);
    });

    it('uses the same placeholders, declared the same way', () => {
      for (const [key, entry] of Object.entries(en)) {
        const translated = catalogue[key];
        if (!translated) continue;
        expect(tokensOf(translated.message), key).toEqual(tokensOf(entry.message));
        const declared = (e: Entry) => Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
        expect(declared(translated), key).toEqual(declared(entry));
      }
    });

    it('translates every message (none left empty or in English)', () => {
      const untranslated = Object.keys(en).filter((key) => {
        const message = catalogue[key]?.message.trim();
        return message === '' || (message === en[key]!.message && !SAME_IN_EVERY_LANGUAGE.has(key));
      });
      expect(untranslated).toEqual([]);
    });

    it('keeps the store description within the 132 characters Chrome allows', () => {
      expect([...catalogue.extension_description!.message].length).toBeLessThanOrEqual(132);
    });
  });

  it('English keeps its own description within 132 characters too', () => {
    expect([...en.extension_description!.message].length).toBeLessThanOrEqual(132);
  });
});

// ---- No UI string outside the message files ----

/** Attributes that a user sees or a screen reader speaks. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'placeholder',
  'title',
]);
/** A letter of any script: text with one is words, text without is punctuation, numbers or spacing. */
const WORDS = /\p{L}/u;

type Node = { type: string; start: number; [key: string]: unknown };

function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
  } else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    yield node as Node;
    for (const [key, value] of Object.entries(node)) if (key !== 'parent') yield* walk(value);
  }
}

/** The literal text of a string or template literal (its fixed parts), else null. */
function literalText(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' ');
  if (node.type === 'JSXExpressionContainer') return literalText(node.expression as Node);
  if (node.type === 'LogicalExpression' || node.type === 'ConditionalExpression') {
    return [node.left, node.right, node.consequent, node.alternate].map((n) => literalText(n as Node)).filter((t) => t !== null).join(' ') || null;
  }
  return null;
}

/** User-visible words written in JSX: text between tags, and spoken attributes given as literals. */
export function jsxLiterals(source: string, lang: 'tsx' | 'ts'): string[] {
  const found: string[] = [];
  for (const node of walk(parseAst(source, { lang }))) {
    if (node.type === 'JSXText' && WORDS.test(node.value as string)) found.push((node.value as string).trim());
    if (node.type === 'JSXExpressionContainer' && (node.expression as Node).type !== 'JSXEmptyExpression') {
      // A child `{'words'}`; attribute values are checked below, by name.
      const text = literalText(node);
      if (text !== null && WORDS.test(text) && !isAttributeValue(node, source)) found.push(text.trim());
    }
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name: string }).name;
      const text = literalText(node.value as Node);
      if (SPOKEN_ATTRIBUTES.has(name) && text !== null && WORDS.test(text)) found.push(`${name}="${text}"`);
    }
  }
  return found;
}

/** Whether a JSX expression sits as an attribute's value (`name={…}`), judged from the text before it. */
const isAttributeValue = (node: Node, source: string): boolean => /=\s*$/.test(source.slice(Math.max(0, node.start - 8), node.start));

/** Sentences written as plain strings in UI code (`'Could not save.'`), outside `t()` keys and imports. */
export function proseLiterals(source: string, lang: 'tsx' | 'ts'): string[] {
  const found: string[] = [];
  for (const node of walk(parseAst(source, { lang }))) {
    const text = node.type === 'Literal' || node.type === 'TemplateLiteral' ? literalText(node) : null;
    // Two or more words, the first capitalized: how a sentence or a label reads; keys,
    // class names, CSS, URLs and identifiers never do.
    if (text !== null && /^\s*\p{Lu}\p{Ll}+[\s,]+\p{L}/u.test(text)) found.push(text.trim());
  }
  return found;
}

const uiSources = (): { file: string; lang: 'tsx' | 'ts' }[] => {
  const list = (dir: string, ext: RegExp) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => ext.test(name))
      .map((name) => ({ file: join(dir, name), lang: (name.endsWith('.tsx') ? 'tsx' : 'ts') as 'tsx' | 'ts' }));
  return [...list('components', /\.tsx?$/), ...list('lib/ui', /\.tsx?$/), ...list('entrypoints', /\.tsx$/)];
};

describe('UI strings', () => {
  it('the check finds words in JSX text, spoken attributes and sentences, and lets punctuation, keys and classes through', () => {
    const source = `
      export const A = () => (
        <p class="hint big" title="Shown on hover" aria-label={t('x')} data-x="y">
          Hello there {' · '} ({count}) <span placeholder={'e.g. Clay'}>{'Plain words'}</span>
          {t('label_title')}{ok ? 'Yes' : '—'}
        </p>
      );
      const notice = 'Could not reach the server.';
      const key = 'tvmaze_error_status';
      const css = 'row spread';`;
    expect(jsxLiterals(source, 'tsx')).toEqual(['title="Shown on hover"', 'Hello there', 'placeholder="e.g. Clay"', 'Plain words', 'Yes —']);
    expect(proseLiterals(source, 'tsx')).toEqual(['Shown on hover', 'Plain words', 'Could not reach the server.']);
  });

  it.each(uiSources())('$file writes every user-visible string through the message files', ({ file, lang }) => {
    const source = readFileSync(file, 'utf8');
    expect([...jsxLiterals(source, lang), ...proseLiterals(source, lang)]).toEqual([]);
  });
});
