/**
 * Pure helpers for term and title hygiene: how two spellings of the same name are
 * recognised as one, and how term lists are combined without duplicates.
 */

/** Trims and collapses inner whitespace (including no-break spaces) to single spaces. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The comparison key of a term or title: cleaned, Unicode-normalized (NFC) and lower-cased. */
export function foldKey(text: string): string {
  return cleanText(text).normalize('NFC').toLowerCase();
}

/** The key under which a watchlist title must be unique (case- and spacing-insensitive). */
export function titleKey(title: string): string {
  return foldKey(title);
}

/**
 * Cleans a term list: trims, collapses inner whitespace, drops empties and removes
 * case-insensitive duplicates, keeping the first spelling and the original order.
 */
export function normalizeTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const term of terms) {
    const cleaned = cleanText(term);
    if (cleaned === '') continue;
    const key = foldKey(cleaned);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cleaned);
  }
  return out;
}

/** Union of two term lists, normalized; spellings already in `a` win over those in `b`. */
export function mergeTerms(a: readonly string[], b: readonly string[]): string[] {
  return normalizeTerms([...a, ...b]);
}

/** `terms` without any term that equals (case-insensitively) one of `remove`. */
export function subtractTerms(terms: readonly string[], remove: readonly string[]): string[] {
  const drop = new Set(remove.map(foldKey));
  return normalizeTerms(terms).filter((term) => !drop.has(foldKey(term)));
}
