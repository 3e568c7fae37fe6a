/**
 * Schemas for every request the background accepts. Messages are untrusted input
 * (a content script runs next to hostile pages), so each is checked before use.
 */
import * as v from 'valibot';
import type { BackgroundProtocol, Verb } from '../shared/messages';
import { isProblem, problem, type Problem } from '../shared/problem';
import { BLUR_STRENGTHS } from '../shared/settings';
import { TERM_GROUPS } from '../shared/watchlist';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
// Lengths are checked by the database functions (`lib/db/watchlist-record.ts`), against
// the one set of limits every way in shares, with a message for the user.
const title = v.string();
const terms = v.array(v.string());
const group = v.picklist(TERM_GROUPS);
const hideUntil = v.nullable(v.pipe(v.number(), v.finite()));
const host = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/i));
const empty = v.object({});
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const episode = v.object({
  season: count(1000),
  number: count(10_000),
  title: v.pipe(v.string(), v.maxLength(500)),
  airstamp: v.nullable(v.pipe(v.string(), v.maxLength(40))),
});
const link = v.nullable(
  v.object({ tvmazeId: v.pipe(count(1e9), v.minValue(1)), episodes: v.pipe(v.array(episode), v.maxLength(5_000)), refreshedAt: v.pipe(v.number(), v.finite()) }),
);
const progress = v.nullable(v.object({ season: v.pipe(count(1000), v.minValue(1)), episode: count(10_000) }));
const mode = v.picklist(['everything', 'past-progress']);

const patch = v.strictObject({
  title: v.optional(title),
  enabled: v.optional(v.boolean()),
  matchNameParts: v.optional(v.boolean()),
  hideUntil: v.optional(hideUntil),
  characters: v.optional(terms),
  cast: v.optional(terms),
  keywords: v.optional(terms),
  link: v.optional(link),
  progress: v.optional(progress),
  mode: v.optional(mode),
  exceptions: v.optional(terms),
  onlyWhileBehind: v.optional(v.boolean()),
});

const subscription = v.nullish(
  v.object({
    url: v.pipe(v.string(), v.maxLength(2100)),
    source: title,
    terms: v.object({ characters: terms, cast: terms, keywords: terms }),
    updatedAt: v.number(),
    checkedAt: v.number(),
    problem: v.nullable(v.custom<Problem>(isProblem)),
  }),
);

const watchlist = v.object({
  id,
  title,
  enabled: v.boolean(),
  matchNameParts: v.boolean(),
  hideUntil,
  characters: terms,
  cast: terms,
  keywords: terms,
  link,
  progress,
  mode,
  exceptions: terms,
  onlyWhileBehind: v.boolean(),
  subscription,
  createdAt: v.number(),
  updatedAt: v.number(),
});

/** One schema per verb; a verb missing here cannot be called. */
export const REQUEST_SCHEMAS: { [K in Verb]: v.GenericSchema<unknown, BackgroundProtocol[K]['req']> } = {
  'watchlists/list': empty,
  'watchlists/create': v.object({ ...patch.entries, title }) as v.GenericSchema<unknown, BackgroundProtocol['watchlists/create']['req']>,
  'watchlists/update': v.object({ id, patch }),
  'watchlists/delete': v.object({ id }),
  'watchlists/restore': v.object({ list: watchlist }),
  'watchlists/import': v.object({ text: v.string() }),
  'watchlists/export': empty,
  'terms/add': v.object({ id, group, terms }),
  'terms/remove': v.object({ id, group, terms }),
  'settings/get': empty,
  'settings/update': v.strictObject({
    blurStrength: v.optional(v.picklist(BLUR_STRENGTHS)),
    showBadge: v.optional(v.boolean()),
    syncWatchlists: v.optional(v.boolean()),
  }),
  'sync/status': empty,
  'subscriptions/add': v.object({ url: v.pipe(v.string(), v.maxLength(2100)) }),
  'subscriptions/update': v.object({ url: v.pipe(v.string(), v.maxLength(2100)) }),
  'subscriptions/remove': v.object({ id }),
  'sites/list': empty,
  'pages/report': empty,
  'sites/pause': v.object({ host }),
  'sites/resume': v.object({ host }),
  'page/count': v.object({ hidden: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'page/refresh-snapshot': empty,
  'tab/count': v.object({ tabId: v.pipe(v.number(), v.integer()) }),
};

/** Validates a request, returning its data or an `invalid-request` problem naming the verb and the bad field. */
export function parseRequest<K extends Verb>(
  type: K,
  data: unknown,
): { ok: true; data: BackgroundProtocol[K]['req'] } | { ok: false; error: Problem } {
  const result = v.safeParse(REQUEST_SCHEMAS[type], data);
  if (result.success) return { ok: true, data: result.output };
  const path = result.issues[0].path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: problem('invalid-request', path ? `${type} ${path}` : type) };
}
