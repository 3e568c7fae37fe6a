/**
 * `npm run zip`'s last step: the Chrome package against the Chrome Web Store's manifest
 * checks (tests/support/store-check.ts), the Firefox package through `web-ext lint`
 * (errors fail).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storeProblems } from '../tests/support/store-check';

const dir = '.output/chrome-mv3';
const read = (path: string) => readFileSync(path, 'utf8');
const sources = (root: string): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tsx?$/.test(name)).map((name) => join(root, name));
const messages = Object.fromEntries(
  readdirSync(join(dir, '_locales')).map((locale) => [locale, JSON.parse(read(join(dir, '_locales', locale, 'messages.json')))]),
);
const problems = storeProblems({
  manifest: JSON.parse(read(join(dir, 'manifest.json'))),
  messages,
  hasFile: (path) => existsSync(join(dir, path)),
  code: ['lib', 'entrypoints', 'components'].flatMap(sources).map(read).join('\n'),
  readme: read('README.md'),
});
if (problems.length > 0) {
  console.error(`✗ The Chrome package would be refused:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`✓ Chrome package: icons, name and description in ${Object.keys(messages).length} languages, permissions used and explained`);
const lint = spawnSync(join('node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', '.output/firefox-mv2', '--no-input'], { stdio: 'inherit' });
process.exit(lint.status ?? 1);
