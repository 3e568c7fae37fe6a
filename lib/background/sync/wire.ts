/**
 * The sync document as JSON: compact (terms grouped by stamp) and canonical (sorted),
 * so two devices holding the same document write the same bytes and neither rewrites
 * what the other wrote. Reading validates everything: a value that does not fit is a
 * corrupt state, refused as a whole.
 *
 *   { "v": 1, "l": [ [id, deletedStamp, 0|1, { field: [stamp, value] },
 *                     { group: [ [stamp, [texts in], [texts out]] ] } ] ],
 *     "a": { id: [nodes that applied its deletion] }, "d": { node: last sync, epoch ms },
 *     "p": { id: deletion stamp of a removed tombstone } }
 *
 * `a`, `d` and `p` (see `cleanup.ts`) are optional and ignored by readers that predate them,
 * which keep working: a writer that drops them only delays a tombstone's removal.
 */
import { cleanText, foldKey } from '../../shared/term-text';
import { emptyList, setOwn, SYNC_GROUPS, type Json, type SyncDoc, type SyncList, type TermReg } from './doc';
import { isStamp, NODE_LENGTH, type Stamp } from './hlc';

/** The version of the JSON below; a device refuses a newer one instead of misreading it. */
export const WIRE_VERSION = 1;

type WireTerms = [Stamp, string[], string[]][];
type WireList = [string, Stamp, 0 | 1, Record<string, [Stamp, Json]>, Record<string, WireTerms>];

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const NODE_PATTERN = new RegExp(`^[0-9a-z]{${NODE_LENGTH}}$`);
const MAX_TEXT = 1000;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedObject<T>(entries: [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of entries.sort((a, b) => byString(a[0], b[0]))) setOwn(out, key, value);
  return out;
}

function wireTerms(regs: Record<string, TermReg>): WireTerms {
  const byStamp = new Map<Stamp, [string[], string[]]>();
  for (const reg of Object.values(regs)) {
    let pair = byStamp.get(reg.ts);
    if (!pair) byStamp.set(reg.ts, (pair = [[], []]));
    pair[reg.on ? 0 : 1].push(reg.text);
  }
  return [...byStamp.entries()]
    .sort((a, b) => byString(a[0], b[0]))
    .map(([ts, [on, off]]) => [ts, on.sort(byString), off.sort(byString)]);
}

function wireList(id: string, entry: SyncList): WireList {
  const fields = sortedObject(
    Object.entries(entry.fields).map(([name, reg]): [string, [Stamp, Json]] => [name, [reg.ts, reg.v]]),
  );
  const terms: Record<string, WireTerms> = {};
  for (const group of SYNC_GROUPS) {
    const groupTerms = wireTerms(entry.terms[group]);
    if (groupTerms.length > 0) terms[group] = groupTerms;
  }
  return [id, entry.deleted.ts, entry.deleted.v ? 1 : 0, fields, terms];
}

/** The canonical JSON text of `doc`, holding only the lists in `ids` (all when omitted). */
export function toWireJson(doc: SyncDoc, ids?: Iterable<string>): string {
  const chosen = ids ? [...ids] : Object.keys(doc.lists);
  const lists = chosen.sort(byString).map((id) => wireList(id, doc.lists[id]!));
  const acks = chosen.flatMap((id): [string, string[]][] =>
    doc.acks && Object.hasOwn(doc.acks, id) ? [[id, [...doc.acks[id]!].sort(byString)]] : [],
  );
  const devices = Object.entries(doc.devices ?? {});
  const purged = Object.entries(doc.purged ?? {});
  return JSON.stringify({
    v: WIRE_VERSION,
    l: lists,
    ...(acks.length > 0 ? { a: sortedObject(acks) } : {}),
    ...(devices.length > 0 ? { d: sortedObject(devices) } : {}),
    ...(purged.length > 0 ? { p: sortedObject(purged) } : {}),
  });
}

/** What reading a wire text gave: a document, or why it was refused. */
export type WireResult = { ok: true; doc: SyncDoc } | { ok: false; reason: 'corrupt' | 'newer' };

class Corrupt extends Error {}

function check(condition: boolean): asserts condition {
  if (!condition) throw new Corrupt();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readText(value: unknown): string {
  check(typeof value === 'string');
  const text = cleanText(value);
  check(text !== '' && text.length <= MAX_TEXT);
  return text;
}

function readList(value: unknown): [string, SyncList] {
  check(Array.isArray(value) && value.length === 5);
  const [id, deletedTs, deleted, fields, terms] = value as unknown[];
  check(typeof id === 'string' && ID_PATTERN.test(id));
  check(isStamp(deletedTs) && (deleted === 0 || deleted === 1));
  const entry = emptyList(deletedTs);
  entry.deleted.v = deleted === 1;
  check(isObject(fields) && isObject(terms));
  for (const [name, reg] of Object.entries(fields)) {
    check(Array.isArray(reg) && reg.length === 2 && isStamp(reg[0]) && name.length <= 64);
    setOwn(entry.fields, name, { ts: reg[0], v: reg[1] as Json });
  }
  for (const [group, groupTerms] of Object.entries(terms)) {
    check((SYNC_GROUPS as readonly string[]).includes(group) && Array.isArray(groupTerms));
    const regs = entry.terms[group as (typeof SYNC_GROUPS)[number]];
    for (const batch of groupTerms as unknown[]) {
      check(Array.isArray(batch) && batch.length === 3 && isStamp(batch[0]));
      const [ts, on, off] = batch as [Stamp, unknown, unknown];
      check(Array.isArray(on) && Array.isArray(off));
      for (const [texts, isOn] of [[on, true], [off, false]] as const) {
        for (const raw of texts) {
          const text = readText(raw);
          const key = foldKey(text);
          const mine = Object.hasOwn(regs, key) ? regs[key] : undefined;
          // One stamp, one spelling per key: a second one is a damaged state.
          check(!mine || mine.ts !== ts);
          if (!mine || ts > mine.ts) setOwn(regs, key, { ts, text, on: isOn });
        }
      }
    }
  }
  return [id, entry];
}

/** Reads a wire text; anything malformed refuses the whole text. */
export function fromWireJson(text: string): WireResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (!isObject(parsed) || typeof parsed.v !== 'number') return { ok: false, reason: 'corrupt' };
  if (parsed.v > WIRE_VERSION) return { ok: false, reason: 'newer' };
  try {
    check(parsed.v === WIRE_VERSION && Array.isArray(parsed.l));
    const doc: SyncDoc = { lists: {} };
    for (const item of parsed.l as unknown[]) {
      const [id, entry] = readList(item);
      check(!Object.hasOwn(doc.lists, id));
      setOwn(doc.lists, id, entry);
    }
    if (parsed.a !== undefined) {
      check(isObject(parsed.a));
      doc.acks = {};
      for (const [id, nodes] of Object.entries(parsed.a)) {
        check(ID_PATTERN.test(id) && Array.isArray(nodes) && nodes.every((n) => typeof n === 'string' && NODE_PATTERN.test(n)));
        setOwn(doc.acks, id, nodes as string[]);
      }
    }
    if (parsed.d !== undefined) {
      check(isObject(parsed.d));
      doc.devices = {};
      for (const [node, at] of Object.entries(parsed.d)) {
        check(NODE_PATTERN.test(node) && typeof at === 'number' && Number.isFinite(at));
        setOwn(doc.devices, node, at);
      }
    }
    if (parsed.p !== undefined) {
      check(isObject(parsed.p));
      doc.purged = {};
      for (const [id, ts] of Object.entries(parsed.p)) {
        check(ID_PATTERN.test(id) && isStamp(ts));
        setOwn(doc.purged, id, ts);
      }
    }
    return { ok: true, doc };
  } catch (error) {
    if (error instanceof Corrupt) return { ok: false, reason: 'corrupt' };
    throw error;
  }
}
