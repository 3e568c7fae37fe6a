/**
 * Makes a saved web page safe to serve in tests: no script runs and nothing reaches the
 * network on its own. Removes scripts, event-handler attributes, `javascript:` URLs,
 * frames' sources, refreshes, `<base>` and every link that makes the browser connect
 * ahead (preload, prefetch, preconnect, dns-prefetch); writes the page as UTF-8.
 * Stylesheets and images stay as they were: their URLs are dead in tests (the browser is
 * kept off the network), as a page whose styles never arrived.
 *
 *   npx tsx scripts/strip-saved-page.ts <saved.html> <out.html> [<origin note>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const AHEAD = /\b(preload|prefetch|preconnect|dns-prefetch|prerender|modulepreload|manifest|serviceworker)\b/i;

/** The page's HTML with everything active taken out; `note` goes in a comment at the top of its head. */
export function stripSavedPage(bytes: Buffer, note?: string): string {
  // Test corpora store their pages as UTF-8 whatever the page's own `<meta charset>` says
  // (it says what the site sent); bytes that are not UTF-8 are sniffed as a browser does.
  let source: string | Buffer = bytes;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: jsdom sniffs the BOM, then `<meta charset>`
  }
  const dom = new JSDOM(source, { contentType: 'text/html' });
  const doc = dom.window.document;
  for (const el of doc.querySelectorAll('script, base, meta[http-equiv], meta[charset], link[rel]')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'link' && !AHEAD.test(el.getAttribute('rel') ?? '')) continue;
    if (tag === 'meta' && !/refresh|content-type|set-cookie/i.test(el.getAttribute('http-equiv') ?? 'content-type')) continue;
    el.remove();
  }
  for (const el of doc.querySelectorAll('iframe, frame, object, embed')) {
    for (const name of ['src', 'srcdoc', 'data']) el.removeAttribute(name);
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (/^on/i.test(name) || /^\s*javascript:/i.test(value)) el.removeAttribute(name);
    }
  }
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  doc.head.prepend(charset);
  if (note) doc.head.prepend(doc.createComment(` ${note.replaceAll('--', '-')} `));
  // The page's own doctype (or none) is kept: a page in quirks mode stays in it.
  return `${dom.serialize()}\n`;
}

if (process.argv[1]?.endsWith('strip-saved-page.ts')) {
  const [input, output, note] = process.argv.slice(2);
  if (!input || !output) {
    console.error('Usage: npx tsx scripts/strip-saved-page.ts <saved.html> <out.html> [<origin note>]');
    process.exit(2);
  }
  writeFileSync(output, stripSavedPage(readFileSync(input), note));
}
