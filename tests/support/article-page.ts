import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the saved article and the demo watchlist file live. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ARTICLE_TXT = `${FIXTURES_DIR}13-reasons-why-season-2-article.txt`;
export const DEMO_WATCHLISTS = `${FIXTURES_DIR}demo-watchlists.json`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The saved article as a news page: its first line is the headline, then one paragraph per block. */
export function articleHtml(text = readFileSync(ARTICLE_TXT, 'utf8')): string {
  const [headline = '', ...rest] = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const paragraphs = rest
    .map((p, i) => `      <p id="p${i + 1}">${escapeHtml(p).replace(/\*([^*]+)\*/g, '<em>$1</em>')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Entertainment news</title>
    <style>
      body { font: 18px/1.6 Georgia, serif; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; }
      h1 { font: bold 1.8em/1.25 system-ui, sans-serif; }
      header { color: #666; font: 0.9em system-ui, sans-serif; border-bottom: 1px solid #ddd; margin-bottom: 1em; }
    </style>
  </head>
  <body>
    <header>Entertainment · TV</header>
    <article>
      <h1 id="headline">${escapeHtml(headline)}</h1>
${paragraphs}
    </article>
  </body>
</html>
`;
}
