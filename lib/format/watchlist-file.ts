/**
 * The public, versioned watchlist file (issue 2): parsing with user-readable errors that
 * point at the bad entry, size guards, and serialization. Pure; never touches storage.
 *
 *   { "format": "plot-armor", "version": 1,
 *     "watchlists": [ { "title": "…", "enabled": true, "matchNameParts": true,
 *                       "hideUntil": "2025-06-01T00:00:00.000Z" | null,
 *                       "characters": [], "cast": [], "keywords": [] } ] }
 */
import * as v from 'valibot';
import { MAX_TERM_LENGTH, MAX_TITLE_LENGTH } from '../shared/limits';
import { TERM_GROUPS, type HideMode, type Progress, type ShowLink, type TermGroup, type Watchlist } from '../shared/watchlist';
import { cleanText, normalizeTerms, titleKey } from '../shared/term-text';

/** The value of the file's "format" field. */
export const FILE_FORMAT = 'plot-armor';
/** The file version this code writes; it reads this one and version 1. */
export const FILE_VERSION = 2;
/** The versions this code reads: 1 (no episode fields) and 2. */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
/** Texts of this many bytes (UTF-8) or more are refused before parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** More terms than this in one file (all lists together) are refused. */
export const MAX_IMPORT_TERMS = 100_000;

/**
 * The message for a file of `bytes` bytes that is too large to import, or null.
 * The options page checks a picked file's size with it before reading the file.
 */
export function sizeError(bytes: number): string | null {
  if (bytes < MAX_IMPORT_BYTES) return null;
  return `This file is too large: Plot Armor imports files under ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
}

/** One watchlist read from a file, with defaults filled in and terms normalized. */
export interface ImportedWatchlist {
  title: string;
  enabled: boolean;
  matchNameParts: boolean;
  hideUntil: number | null;
  characters: string[];
  cast: string[];
  keywords: string[];
  link: ShowLink | null;
  progress: Progress | null;
  mode: HideMode;
  exceptions: string[];
  onlyWhileBehind: boolean;
}

/** The outcome of `parseWatchlistFile`: the watchlists, or one message for the user. */
export type ParseResult =
  | { ok: true; watchlists: ImportedWatchlist[] }
  | { ok: false; error: string };

const termList = (field: string) => {
  const message = `\`${field}\` must be a list of names`;
  const term = v.pipe(
    v.string(message),
    v.transform(cleanText),
    v.maxLength(MAX_TERM_LENGTH, `a name in \`${field}\` is longer than ${MAX_TERM_LENGTH} characters`),
  );
  return v.optional(v.array(term, message), []);
};

const flag = (field: string) => v.optional(v.boolean(`\`${field}\` must be true or false`), true);

const HIDE_UNTIL_MESSAGE = '`hideUntil` must be a date like "2025-06-01" (or null)';
// ISO 8601 date or date-time; a date alone means midnight UTC (what Date.parse does).
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

const whole = (field: string, min: number) =>
  v.pipe(v.number(`\`${field}\` must be a whole number`), v.integer(`\`${field}\` must be a whole number`), v.minValue(min, `\`${field}\` must be ${min} or more`));
const ProgressSchema = v.object(
  { season: whole('progress.season', 1), episode: whole('progress.episode', 0) },
  '`progress` must be like { "season": 2, "episode": 5 } (or null)',
);
const AIRSTAMP_MESSAGE = '`airstamp` must be a date-time like "2017-03-31T07:00:00+00:00" (or null)';
const EpisodeSchema = v.object(
  {
    season: whole('season', 0),
    number: whole('number', 0),
    title: v.optional(v.string('`title` of an episode must be text'), ''),
    airstamp: v.optional(
      v.nullable(v.pipe(v.string(AIRSTAMP_MESSAGE), v.regex(ISO_DATE, AIRSTAMP_MESSAGE), v.check((t) => Number.isFinite(Date.parse(t)), AIRSTAMP_MESSAGE))),
      null,
    ),
  },
  'each episode must be like { "season": 1, "number": 1, "title": "…", "airstamp": "…" }',
);
const LinkSchema = v.object(
  {
    tvmaze: whole('link.tvmaze', 1),
    episodes: v.optional(v.pipe(v.array(EpisodeSchema, '`link.episodes` must be a list of episodes'), v.maxLength(5_000, '`link.episodes` has too many episodes')), []),
    refreshedAt: v.optional(v.nullable(v.pipe(v.string(), v.regex(ISO_DATE, '`link.refreshedAt` must be a date-time'))), null),
  },
  '`link` must be like { "tvmaze": 22036, "episodes": [ … ] } (or null)',
);

const EntrySchema = v.object(
  {
    // Optional-then-checked, so a missing title gets the same message as an empty one.
    title: v.pipe(
      v.optional(v.string('`title` must be text'), ''),
      v.transform(cleanText),
      v.minLength(1, '`title` is required'),
      v.maxLength(MAX_TITLE_LENGTH, `\`title\` is longer than ${MAX_TITLE_LENGTH} characters`),
    ),
    enabled: flag('enabled'),
    matchNameParts: flag('matchNameParts'),
    hideUntil: v.optional(
      v.nullable(
        v.pipe(
          v.string(HIDE_UNTIL_MESSAGE),
          v.regex(ISO_DATE, HIDE_UNTIL_MESSAGE),
          v.transform((text) => Date.parse(text)),
          v.finite(HIDE_UNTIL_MESSAGE),
        ),
      ),
      null,
    ),
    characters: termList('characters'),
    cast: termList('cast'),
    keywords: termList('keywords'),
    // Version 2: the episode fields (a version-1 file has none; their defaults hide as version 1 did).
    link: v.optional(v.nullable(LinkSchema), null),
    progress: v.optional(v.nullable(ProgressSchema), null),
    mode: v.optional(v.picklist(['everything', 'past-progress'], '`mode` must be "everything" or "past-progress"'), 'everything'),
    exceptions: termList('exceptions'),
    onlyWhileBehind: v.optional(v.boolean('`onlyWhileBehind` must be true or false'), false),
  },
  'must be an object with a `title`',
);

/** Reads a watchlist file. Never throws: any problem becomes `{ ok: false, error }`. */
export function parseWatchlistFile(text: string): ParseResult {
  try {
    return parseChecked(text);
  } catch (error) {
    return { ok: false, error: `This file could not be read (${describe(error)})` };
  }
}

function parseChecked(text: string): ParseResult {
  const tooLarge = sizeError(utf8Length(text, MAX_IMPORT_BYTES));
  if (tooLarge) return fail(tooLarge);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`This file is not valid JSON (${describe(error)})`);
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT) {
    return fail(`This is not a Plot Armor watchlist file: "format" must be "${FILE_FORMAT}"`);
  }
  if (!READABLE_VERSIONS.includes(data.version)) {
    const found = data.version === undefined ? '(missing)' : JSON.stringify(data.version);
    return fail(
      `Unsupported version ${found}: this version of Plot Armor reads versions 1 and ${FILE_VERSION}`,
    );
  }
  const entries = data.watchlists;
  if (!Array.isArray(entries)) {
    return fail('This Plot Armor file has no list of watchlists: "watchlists" must be a list');
  }
  const terms = countTerms(entries);
  if (entries.length > MAX_IMPORT_TERMS || terms > MAX_IMPORT_TERMS) {
    const count = Math.max(entries.length, terms).toLocaleString('en-US');
    const max = MAX_IMPORT_TERMS.toLocaleString('en-US');
    return fail(`This file has too many terms (${count}): Plot Armor imports at most ${max} at once`);
  }
  const watchlists: ImportedWatchlist[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = v.safeParse(EntrySchema, entry);
    if (!result.success) {
      const issue = result.issues[0];
      const separator = issue.path?.length ? ': ' : ' ';
      return fail(`watchlist ${index + 1}${separator}${issue.message}`);
    }
    const { output } = result;
    const { link, ...rest } = output;
    watchlists.push({
      ...rest,
      ...termsOf(output),
      exceptions: normalizeTerms(output.exceptions),
      link: link && {
        tvmazeId: link.tvmaze,
        episodes: link.episodes.map((e) => ({ ...e, title: cleanText(e.title) })),
        refreshedAt: link.refreshedAt === null ? 0 : Date.parse(link.refreshedAt),
      },
    });
  }
  return { ok: true, watchlists: mergeDuplicateTitles(watchlists) };
}

/**
 * Writes watchlists in the public file format (pretty JSON). Ids and timestamps are
 * left out; `hideUntil` becomes an ISO date-time, so parsing the text gives them back exactly.
 */
export function serializeWatchlists(lists: Watchlist[]): string {
  const file = {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    watchlists: lists.map((list) => ({
      title: list.title,
      enabled: list.enabled,
      matchNameParts: list.matchNameParts,
      hideUntil: list.hideUntil === null ? null : new Date(list.hideUntil).toISOString(),
      characters: list.characters,
      cast: list.cast,
      keywords: list.keywords,
      mode: list.mode,
      progress: list.progress,
      exceptions: list.exceptions,
      onlyWhileBehind: list.onlyWhileBehind,
      link: list.link && {
        tvmaze: list.link.tvmazeId,
        refreshedAt: list.link.refreshedAt ? new Date(list.link.refreshedAt).toISOString() : null,
        episodes: list.link.episodes,
      },
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Terms from a plain paste: one per line or comma-separated; trimmed, de-duplicated. */
export function parseTermList(text: string): string[] {
  return normalizeTerms(text.split(/[\n\r,]+/));
}

/**
 * Entries with the same title (case-insensitive) become one; the first one's settings win.
 * Terms are gathered first and cleaned once per list, so a file repeating one title many
 * times costs no more than one listing all its terms.
 */
function mergeDuplicateTitles(lists: ImportedWatchlist[]): ImportedWatchlist[] {
  const byKey = new Map<string, ImportedWatchlist>();
  const repeated = new Set<ImportedWatchlist>();
  for (const list of lists) {
    const key = titleKey(list.title);
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, list);
      continue;
    }
    repeated.add(first);
    for (const group of TERM_GROUPS) for (const term of list[group]) first[group].push(term);
  }
  for (const list of repeated) Object.assign(list, termsOf(list));
  return [...byKey.values()];
}

function termsOf(list: Pick<ImportedWatchlist, TermGroup>) {
  return {
    characters: normalizeTerms(list.characters),
    cast: normalizeTerms(list.cast),
    keywords: normalizeTerms(list.keywords),
  };
}

/** Counts the entries of the term lists, without validating them (that comes later). */
function countTerms(entries: unknown[]): number {
  let total = 0;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    for (const group of TERM_GROUPS) {
      const list = entry[group];
      if (Array.isArray(list)) total += list.length;
    }
  }
  return total;
}

/** UTF-8 byte length of `text`, counting no further than `limit`. */
function utf8Length(text: string, limit: number): number {
  // A UTF-16 code unit is at least one UTF-8 byte and at most three.
  if (text.length >= limit) return text.length;
  if (text.length * 3 < limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes < limit; i++) {
    const code = text.charCodeAt(i);
    // Surrogate halves count 2 each: 4 bytes per astral code point.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
