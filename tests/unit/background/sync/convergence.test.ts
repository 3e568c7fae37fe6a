import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocs } from '../../../../lib/background/sync/doc';
import { docView } from '../../../../lib/background/sync/view';
import { toWireJson } from '../../../../lib/background/sync/wire';
import {
  applyEdit,
  canonical,
  cycle,
  mustSurvive,
  newLedger,
  newWorld,
  termIds,
  WEEK_MS,
  type Edit,
} from './sim';

const titles = ['Dark', 'dark', 'Lost', 'Severance', 'The Bear'];
const terms = ['Jonas', 'jonas', 'Martha', 'Ulrich Nielsen', 'Mikkel', 'Hannah', 'tapes'];
const group = fc.constantFrom('characters' as const, 'cast' as const, 'keywords' as const);
const index = fc.nat(5);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), title: fc.constantFrom(...titles) }),
  fc.record({ kind: fc.constant('rename' as const), index, title: fc.constantFrom(...titles) }),
  fc.record({ kind: fc.constant('toggle' as const), index }),
  fc.record({ kind: fc.constant('add' as const), index, group, term: fc.constantFrom(...terms) }),
  fc.record({ kind: fc.constant('add' as const), index, group, term: fc.constantFrom(...terms) }),
  fc.record({ kind: fc.constant('remove' as const), index, group, pick: fc.nat(6) }),
  fc.record({ kind: fc.constant('delete' as const), index }),
  fc.record({ kind: fc.constant('restore' as const), index }),
);

/**
 * A step of the run: an edit on a device, a sync cycle on one (whose write may be lost),
 * or weeks passing (so tombstones grow old enough to be removed).
 */
type Step = { device: 0 | 1; edit: Edit } | { device: 0 | 1; sync: true; push: boolean } | { device: 0 | 1; weeks: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ device: fc.constantFrom(0 as const, 1 as const), weeks: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ device: fc.constantFrom(0 as const, 1 as const), edit }) },
  {
    weight: 1,
    arbitrary: fc.record({
      device: fc.constantFrom(0 as const, 1 as const),
      sync: fc.constant(true as const),
      push: fc.boolean(),
    }),
  },
);
// Clocks up to a day apart, either way.
const skew = fc.integer({ min: -86_400_000, max: 86_400_000 });

describe('two devices syncing through one remote state', () => {
  it('converge to the same lists, and keep every term and list that was not deleted, with tombstones removed as weeks pass', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), skew, skew, (steps, skewA, skewB) => {
        const world = newWorld([skewA, skewB]);
        const ledger = newLedger();
        for (const s of steps) {
          const device = world.devices[s.device]!;
          if ('edit' in s) applyEdit(device, s.edit, ledger, world.time + device.skew);
          else if ('weeks' in s) world.time += s.weeks * WEEK_MS;
          else cycle(world, device, s.push);
        }
        const [a, b] = world.devices as [(typeof world.devices)[0], (typeof world.devices)[0]];
        // Quiet period: both devices sync in turn until nothing changes (title clashes
        // settle in a second round).
        for (let i = 0; i < 3; i++) {
          cycle(world, a);
          cycle(world, b);
        }
        expect(canonical(a.lists)).toEqual(canonical(b.lists));
        expect(toWireJson(a.doc)).toBe(toWireJson(b.doc));
        const present = termIds(a.lists);
        for (const key of mustSurvive(ledger)) expect(present).toContain(key);
        const ids = new Set(a.lists.map((l) => l.id));
        for (const id of ledger.created) if (!ledger.deletedLists.has(id)) expect(ids).toContain(id);
        // A deletion holds whatever the clocks say, unless the user restored the list.
        for (const id of ledger.deletedLists) if (!ledger.restored.has(id)) expect(ids).not.toContain(id);
        const titleKeys = a.lists.map((l) => l.title.toLowerCase());
        expect(new Set(titleKeys).size).toBe(titleKeys.length);
      }),
      { numRuns: 400 },
    );
  });

  it('merge is a join: order, grouping and repetition of merges do not matter', () => {
    const docs = fc.array(step, { maxLength: 25 }).map((steps) => {
      const world = newWorld([0, 5000]);
      const ledger = newLedger();
      for (const s of steps) {
        const device = world.devices[s.device]!;
        if ('edit' in s) applyEdit(device, s.edit, ledger, world.time);
        else if ('weeks' in s) world.time += s.weeks * WEEK_MS;
        else cycle(world, device, s.push);
      }
      for (const d of world.devices) cycle(world, d, false);
      return world.devices.map((d) => d.doc);
    });
    fc.assert(
      fc.property(docs, docs, ([a, b], [c]) => {
        const wire = (d: Parameters<typeof toWireJson>[0]) => toWireJson(d);
        expect(wire(mergeDocs(a!, b!))).toBe(wire(mergeDocs(b!, a!)));
        expect(wire(mergeDocs(mergeDocs(a!, b!), c!))).toBe(wire(mergeDocs(a!, mergeDocs(b!, c!))));
        expect(wire(mergeDocs(a!, a!))).toBe(wire(a!));
        expect(docView(mergeDocs(a!, b!))).toEqual(docView(mergeDocs(b!, a!)));
      }),
      { numRuns: 200 },
    );
  });
});
