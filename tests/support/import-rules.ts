/**
 * Where each context's code may reach. The extension runs in three contexts — the
 * content script (every frame of every page: small, no Preact, no idb), the background
 * (owns the database) and the extension pages (Preact) — and shares one contract,
 * `lib/shared/`, that each may import. A context never imports another's internals.
 * `importViolations` reads the import specifiers of source files and lists every import
 * that breaks these rules; tests/unit/support/import-rules.test.ts runs it over the tree.
 */
import { posix } from 'node:path';

/** A zone of the tree: the files it covers and what they must not import. */
interface Zone {
  name: string;
  /** Path prefixes (or exact files) of the zone's source files. */
  files: string[];
  /** Path prefixes (repo-relative, no extension) and package names the zone must not import. */
  forbidden: string[];
}

const PAGE_UI = ['components', 'lib/ui', 'preact', '@preact', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/welcome'];
const CONTENT = ['lib/content', 'lib/scan', 'entrypoints/content'];
const BACKGROUND = ['lib/background', 'lib/db', 'idb', 'entrypoints/background'];

export const ZONES: Zone[] = [
  {
    name: 'content script',
    files: ['entrypoints/content/', 'entrypoints/shadow-hook.content.ts', 'lib/content/', 'lib/scan/', 'lib/match/'],
    forbidden: [...BACKGROUND, ...PAGE_UI],
  },
  {
    name: 'extension pages',
    files: ['entrypoints/popup/', 'entrypoints/options/', 'entrypoints/welcome/', 'components/', 'lib/ui/'],
    forbidden: [...BACKGROUND, ...CONTENT],
  },
  {
    name: 'background',
    files: ['entrypoints/background.ts', 'lib/background/', 'lib/db/'],
    forbidden: [...PAGE_UI, ...CONTENT],
  },
  {
    // Libraries any context may use: they stay free of every context's internals.
    name: 'library',
    files: ['lib/format/', 'lib/tvmaze/'],
    forbidden: [...BACKGROUND, ...PAGE_UI, ...CONTENT],
  },
];

/** The shared contract imports nothing but itself: every context loads all of it. */
const SHARED = 'lib/shared/';

/** The database is the background's: nothing else opens it. */
const DB_OWNERS = ['lib/db/', 'lib/background/', 'entrypoints/background.ts'];

/** One import that breaks a rule. */
export interface Violation {
  file: string;
  target: string;
  rule: string;
}

// `from '…'`, `import '…'` and `import('…')`, but not a word that merely ends in "import".
const SPECIFIER = /(?<![\w$./'"-])(?:from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"])/g;

/** The module specifiers a source file imports or re-exports (comments left out). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2])!);
}

/** A specifier as a repo-relative path without extension, or as it is for a package. */
export function resolveTarget(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.(tsx?|jsx?)$/, '');
}

const under = (target: string, prefix: string) => target === prefix || target.startsWith(`${prefix}/`);
const inFiles = (file: string, prefixes: string[]) => prefixes.some((p) => file === p || (p.endsWith('/') && file.startsWith(p)));

/** Every import of `files` (repo-relative path → source text) that breaks the rules. */
export function importViolations(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of files) {
    for (const specifier of importSpecifiers(source)) {
      const target = resolveTarget(file, specifier);
      const local = specifier.startsWith('.');
      for (const zone of ZONES) {
        if (!inFiles(file, zone.files)) continue;
        const hit = zone.forbidden.find((prefix) => under(target, prefix));
        if (hit) {
          out.push({ file, target, rule: `${zone.name} must not import ${hit}` });
        }
      }
      if (file.startsWith(SHARED) && !(local && target.startsWith(SHARED))) {
        out.push({ file, target, rule: 'lib/shared imports only lib/shared' });
      }
      if (local && under(target, 'lib/db') && !inFiles(file, DB_OWNERS)) {
        out.push({ file, target, rule: 'only the background imports lib/db' });
      }
    }
  }
  return out;
}
