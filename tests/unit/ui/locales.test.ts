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

  it('gives every counted message both its forms (`_one`, `_other`)', () => {
    const bases = Object.keys(en).filter((key) => /_(one|other)$/.test(key)).map((key) => key.replace(/_(one|other)$/, ''));
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect([`${base}_one` in en, `${base}_other` in en], base).toEqual([true, true]);
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
    // Two or more words, the first capitalized (even "A …"), in lower case after it: how
    // a sentence or a label reads; keys, class names, CSS, URLs, identifiers and lists of
    // tag names never do.
    if (text !== null && /^\s*\p{Lu}\p{Ll}*[\s,]+\p{L}/u.test(text) && /\p{Ll}/u.test(text)) found.push(text.trim());
  }
  return found;
}

/** DOM properties whose text a user reads or a screen reader speaks. */
const SPOKEN_PROPERTIES = new Set(['textContent', 'innerText', 'innerHTML', 'outerHTML', 'nodeValue', 'data', 'title', 'ariaLabel', 'ariaDescription', 'placeholder', 'alt', 'label']);

/**
 * Words written straight into a page by plain DOM code (the content script has no JSX):
 * `el.setAttribute('title', 'Reveal')`, `button.textContent = 'Reveal'`, `doc.title = …`,
 * even a single word.
 */
export function domLiterals(source: string, lang: 'tsx' | 'ts'): string[] {
  const found: string[] = [];
  const nameOf = (node: Node | undefined): string | null => {
    if (!node) return null;
    if (node.type === 'Identifier') return node.name as string;
    return literalText(node);
  };
  // Stylesheet text (a rule has braces) is no words.
  const spoken = (text: string | null): text is string => text !== null && WORDS.test(text) && !/[{}]/.test(text);
  for (const node of walk(parseAst(source, { lang }))) {
    if (node.type === 'CallExpression') {
      const callee = node.callee as Node;
      const args = node.arguments as Node[];
      const method = callee.type === 'MemberExpression' ? nameOf(callee.property as Node) : null;
      const attribute = literalText(args[0]);
      const text = literalText(args[1]);
      if (method === 'setAttribute' && attribute !== null && SPOKEN_ATTRIBUTES.has(attribute) && spoken(text)) {
        found.push(`${attribute}="${text}"`);
      }
    }
    if (node.type === 'AssignmentExpression') {
      const left = node.left as Node;
      const property = left.type === 'MemberExpression' ? nameOf(left.property as Node) : null;
      const text = literalText(node.right as Node);
      if (property !== null && SPOKEN_PROPERTIES.has(property) && spoken(text)) found.push(`${property} = "${text}"`);
    }
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

/** The content script's code: what it writes into pages, in every frame. */
const contentSources = (): { file: string; lang: 'ts' }[] => {
  const list = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => ({ file: join(dir, name), lang: 'ts' as const }));
  return [...list('lib/scan'), ...list('lib/content'), ...list('lib/match'), ...list('entrypoints/content'), { file: 'entrypoints/shadow-hook.content.ts', lang: 'ts' }];
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
    expect([...jsxLiterals(source, lang), ...proseLiterals(source, lang), ...domLiterals(source, lang)]).toEqual([]);
  });
});

describe('the content script’s words', () => {
  it('the check finds words written into a page, a sentence anywhere, and lets CSS, keys and attribute values through', () => {
    // How the content script wrote its words before they came from the message files.
    const source = `
      export function revealLabel(titles: string): string {
        return \`Possible spoiler for \${titles} — reveal\`;
      }
      export const HIDDEN_HINT = 'Possible spoiler — click to reveal';
      export const neutralTitle = (host: string): string => \`Possible spoiler · \${host}\`;
      block.setAttribute('title', 'Reveal');
      button.textContent = 'Show';
      doc.title = ok ? 'Spoiler' : own;
      block.setAttribute('aria-hidden', 'true');
      el.setAttribute('title', hint);
      style.textContent = 'button{font:600 13px/1.2 system-ui,sans-serif}';
      const key = 'page_hidden_hint';`;
    expect(proseLiterals(source, 'ts')).toEqual(['Possible spoiler for   — reveal', 'Possible spoiler — click to reveal', 'Possible spoiler ·']);
    expect(domLiterals(source, 'ts')).toEqual(['title="Reveal"', 'textContent = "Show"', 'title = "Spoiler"']);
  });

  it.each(contentSources())('$file takes every word it writes into a page from the message files', ({ file, lang }) => {
    const source = readFileSync(file, 'utf8');
    expect([...proseLiterals(source, lang), ...domLiterals(source, lang)]).toEqual([]);
  });
});

/** The code whose refusals reach the extension's pages: the database, the file parser, the shared contract, the background's request handling. */
const problemSources = (): { file: string; lang: 'ts' }[] => {
  const list = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => ({ file: join(dir, name), lang: 'ts' as const }));
  return [
    ...list('lib/db'),
    ...list('lib/format'),
    ...list('lib/shared'),
    { file: 'lib/background/handlers.ts', lang: 'ts' },
    { file: 'lib/background/requests.ts', lang: 'ts' },
  ];
};

describe('refusals', () => {
  it('the check finds a sentence built for an error', () => {
    // How the database and the parser wrote their errors before they became codes.
    const source = `
      function check() {
        if (cleaned === '') throw new WatchlistError('A watchlist needs a title.', 'invalid');
        throw new WatchlistError(\`There is already a watchlist called "\${title}".\`, 'duplicate-title');
      }
      const parse = () => fail(\`This file is not valid JSON (\${describe(error)})\`);
      const reply = { ok: false, error: problem('title-taken', title) };`;
    expect(proseLiterals(source, 'ts')).toEqual(['A watchlist needs a title.', 'There is already a watchlist called " ".', 'This file is not valid JSON ( )']);
  });

  it.each(problemSources())('$file builds no sentence: it hands the pages a problem code to word', ({ file, lang }) => {
    expect(proseLiterals(readFileSync(file, 'utf8'), lang)).toEqual([]);
  });
});
