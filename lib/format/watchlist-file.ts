/**
 * The public, versioned watchlist file: parsing with errors that point at the bad entry
 * (problem codes with their parameters, worded in the user's language by the extension's
 * pages), size guards, and serialization. Pure; never touches storage.
 *
 *   { "format": "plot-armor", "version": 1,
 *     "watchlists": [ { "title": "…", "enabled": true, "matchNameParts": true,
 *                       "hideUntil": "2025-06-01T00:00:00.000Z" | null,
 *                       "characters": [], "cast": [], "keywords": [] } ] }
 */
import * as v from 'valibot';
import { MAX_LINKED_EPISODES, MAX_TERM_LENGTH, MAX_TITLE_LENGTH } from '../shared/limits';
import { TERM_GROUPS, type HideMode, type Progress, type ShowLink, type TermGroup, type Watchlist } from '../shared/watchlist';
import { cleanText, normalizeTerms, titleKey } from '../shared/term-text';
import { hidingTerms } from '../shared/subscription';
import { problem, type Problem, type ProblemCode } from '../shared/problem';

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
 * The problem with a file of `bytes` bytes that is too large to import, or null.
 * The options page checks a picked file's size with it before reading the file.
 */
export function sizeError(bytes: number): Problem | null {
  if (bytes < MAX_IMPORT_BYTES) return null;
  return problem('file-too-large', MAX_IMPORT_BYTES / 1024 / 1024);
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

/** The outcome of `parseWatchlistFile`: the watchlists, or the one problem for the user. */
export type ParseResult =
  | { ok: true; watchlists: ImportedWatchlist[] }
  | { ok: false; error: Problem };

/*
 * Each check's message is the problem code of a bad entry; the entry's number, the field
 * (from the issue's path) and the limit are its parameters (see `entryProblem`).
 */
const entryCode = (code: ProblemCode) => code;

const termList = () => {
  const message = entryCode('entry-terms-not-list');
  const term = v.pipe(v.string(message), v.transform(cleanText), v.maxLength(MAX_TERM_LENGTH, entryCode('entry-term-too-long')));
  return v.optional(v.array(term, message), []);
};

const flag = () => v.optional(v.boolean(entryCode('entry-flag-invalid')), true);

const HIDE_UNTIL_MESSAGE = entryCode('entry-hide-until-invalid');
// ISO 8601 date or date-time; a date alone means midnight UTC (what Date.parse does).
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

// The episode fields: any bad part of one is named by the field (the sentence shows its form).
const whole = (code: ProblemCode, min: number) => v.pipe(v.number(code), v.integer(code), v.minValue(min, code));
const PROGRESS = entryCode('entry-progress-invalid');
const ProgressSchema = v.object({ season: whole(PROGRESS, 1), episode: whole(PROGRESS, 0) }, PROGRESS);
const LINK = entryCode('entry-link-invalid');
const EpisodeSchema = v.object(
  {
    season: whole(LINK, 0),
    number: whole(LINK, 0),
    title: v.optional(v.string(LINK), ''),
    airstamp: v.optional(
      v.nullable(v.pipe(v.string(LINK), v.regex(ISO_DATE, LINK), v.check((t) => Number.isFinite(Date.parse(t)), LINK))),
      null,
    ),
  },
  LINK,
);
const LinkSchema = v.object(
  {
    tvmaze: whole(LINK, 1),
    episodes: v.optional(v.pipe(v.array(EpisodeSchema, LINK), v.maxLength(MAX_LINKED_EPISODES, LINK)), []),
    refreshedAt: v.optional(v.nullable(v.pipe(v.string(LINK), v.regex(ISO_DATE, LINK))), null),
  },
  LINK,
);

const EntrySchema = v.object(
  {
    // Optional-then-checked, so a missing title gets the same message as an empty one.
    title: v.pipe(
      v.optional(v.string(entryCode('entry-title-not-text')), ''),
      v.transform(cleanText),
      v.minLength(1, entryCode('entry-title-missing')),
      v.maxLength(MAX_TITLE_LENGTH, entryCode('entry-title-too-long')),
    ),
    enabled: flag(),
    matchNameParts: flag(),
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
    characters: termList(),
    cast: termList(),
    keywords: termList(),
    // Version 2: the episode fields (a version-1 file has none; their defaults hide as version 1 did).
    link: v.optional(v.nullable(LinkSchema), null),
    progress: v.optional(v.nullable(ProgressSchema), null),
    mode: v.optional(v.picklist(['everything', 'past-progress'], entryCode('entry-mode-invalid')), 'everything'),
    exceptions: termList(),
    onlyWhileBehind: v.optional(v.boolean(entryCode('entry-flag-invalid')), false),
  },
  entryCode('entry-not-object'),
);

/** The problem of entry `index` from its first issue: the code, the entry's number, then the field and the limit it names. */
function entryProblem(index: number, issue: v.BaseIssue<unknown>): Problem {
  const code = issue.message as ProblemCode;
  const field = String(issue.path?.[0]?.key ?? '');
  switch (code) {
    case 'entry-title-too-long':
      return problem(code, index + 1, MAX_TITLE_LENGTH);
    case 'entry-flag-invalid':
    case 'entry-terms-not-list':
      return problem(code, index + 1, field);
    case 'entry-term-too-long':
      return problem(code, index + 1, field, MAX_TERM_LENGTH);
    default:
      return problem(code, index + 1);
  }
}

/** Reads a watchlist file. Never throws: any problem becomes `{ ok: false, error }`. */
export function parseWatchlistFile(text: string): ParseResult {
  try {
    return parseChecked(text);
  } catch {
    return fail(problem('file-unreadable'));
  }
}

function parseChecked(text: string): ParseResult {
  const tooLarge = sizeError(utf8Length(text, MAX_IMPORT_BYTES));
  if (tooLarge) return fail(tooLarge);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(jsonProblem(error, text));
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT) return fail(problem('file-not-ours', FILE_FORMAT));
  if (!READABLE_VERSIONS.includes(data.version)) {
    return fail(
      data.version === undefined
        ? problem('file-version-missing', FILE_VERSION)
        : problem('file-version', JSON.stringify(data.version), FILE_VERSION),
    );
  }
  const entries = data.watchlists;
  if (!Array.isArray(entries)) return fail(problem('file-no-lists'));
  const terms = countTerms(entries);
  if (entries.length > MAX_IMPORT_TERMS || terms > MAX_IMPORT_TERMS) {
    return fail(problem('file-too-many-terms', Math.max(entries.length, terms), MAX_IMPORT_TERMS));
  }
  const watchlists: ImportedWatchlist[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = v.safeParse(EntrySchema, entry);
    if (!result.success) {
      return fail(entryProblem(index, result.issues[0]));
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
    // A subscribed list is written with the file's terms too: an export is a copy of what hides.
    watchlists: lists.map((list) => ({
      title: list.title,
      enabled: list.enabled,
      matchNameParts: list.matchNameParts,
      hideUntil: list.hideUntil === null ? null : new Date(list.hideUntil).toISOString(),
      ...hidingTerms(list),
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

/**
 * Where the JSON went wrong, when the engine says it: a line and column (Firefox, newer
 * V8), or an offset (older V8), counted into a line and column of `text`. The engine's
 * message itself is in English and for developers: it stays out of what the user reads.
 */
function jsonProblem(error: unknown, text: string): Problem {
  const message = error instanceof Error ? error.message : '';
  const at = /line (\d+) column (\d+)/.exec(message);
  if (at) return problem('file-not-json-at', Number(at[1]), Number(at[2]));
  const offset = /at position (\d+)/.exec(message);
  if (!offset) return problem('file-not-json');
  const position = Math.min(Number(offset[1]), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return problem('file-not-json-at', line, position - before.lastIndexOf('\n'));
}

function fail(error: Problem): ParseResult {
  return { ok: false, error };
}
