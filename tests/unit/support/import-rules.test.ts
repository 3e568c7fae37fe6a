import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, importViolations } from '../../support/import-rules';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function tree(): Map<string, string> {
  const files = ['lib', 'components', 'entrypoints'].flatMap(sources);
  return new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
}

describe('imports between contexts', () => {
  it('no context reaches into another, and only the background opens the database', () => {
    const files = tree();
    // The scan sees the tree, so an empty answer means something.
    expect(files.size).toBeGreaterThan(50);
    expect(importSpecifiers(files.get('lib/content/start.ts')!)).toContain('../shared/page-state');
    expect(importViolations(files)).toEqual([]);
  });

  it('names each forbidden import', () => {
    const files = new Map([
      ['lib/scan/hide.ts', "import { openDB } from 'idb';\nimport { h } from 'preact';"],
      ['lib/match/x.ts', "export { t } from '../ui/i18n';"],
      ['entrypoints/content/index.ts', "const db = import('../../lib/db/open');"],
      ['components/panel.tsx', "import type { Settings } from '../lib/db/settings';"],
      ['lib/ui/model.ts', "import { publish } from '../background/publish';"],
      ['lib/background/x.ts', "import { signal } from '@preact/signals';"],
      ['lib/shared/messages.ts', "import type { Settings } from '../db/settings';"],
      ['lib/format/x.ts', "import { openPlotArmorDb } from '../db/open';"],
    ]);
    expect(importViolations(files).map((v) => `${v.file} → ${v.target}: ${v.rule}`)).toEqual([
      'lib/scan/hide.ts → idb: content script must not import idb',
      'lib/scan/hide.ts → preact: content script must not import preact',
      'lib/match/x.ts → lib/ui/i18n: content script must not import lib/ui',
      'entrypoints/content/index.ts → lib/db/open: content script must not import lib/db',
      'entrypoints/content/index.ts → lib/db/open: only the background imports lib/db',
      'components/panel.tsx → lib/db/settings: extension pages must not import lib/db',
      'components/panel.tsx → lib/db/settings: only the background imports lib/db',
      'lib/ui/model.ts → lib/background/publish: extension pages must not import lib/background',
      'lib/background/x.ts → @preact/signals: background must not import @preact',
      'lib/shared/messages.ts → lib/db/settings: lib/shared imports only lib/shared',
      'lib/shared/messages.ts → lib/db/settings: only the background imports lib/db',
      'lib/format/x.ts → lib/db/open: library must not import lib/db',
      'lib/format/x.ts → lib/db/open: only the background imports lib/db',
    ]);
  });

  it('leaves comments and the shared contract alone', () => {
    const files = new Map([
      ['lib/scan/x.ts', "// import { openDB } from 'idb';\n/* from 'preact' */\nimport { isHostPaused } from '../shared/page-state';"],
      ['components/x.tsx', "import { DEFAULT_SETTINGS } from '../lib/shared/settings';\nimport { compileMatcher } from '../lib/match/compile';"],
      ['lib/shared/client.ts', "import { unwrap } from './messages';"],
    ]);
    expect(importViolations(files)).toEqual([]);
  });
});
