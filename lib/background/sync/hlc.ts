/**
 * Hybrid logical clock stamps for the sync merge. A stamp orders events like a wall
 * clock while it can, and never goes backwards or below a stamp the device has seen:
 * an edit made after reading another device's state always outranks what it read,
 * even when this device's clock is behind (so a deletion is never undone by skew).
 *
 * A stamp is a fixed-width string, so plain string comparison orders stamps:
 * 9 base-36 digits of wall time (ms), 4 of a counter, then the device's node id.
 */

/** An HLC stamp (see the module comment); compare with `<`. */
export type Stamp = string;

const WALL_DIGITS = 9;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
/** Length of a device node id. */
export const NODE_LENGTH = 6;
const STAMP_PATTERN = new RegExp(`^[0-9a-z]{${WALL_DIGITS + COUNTER_DIGITS + NODE_LENGTH}}$`);

/** The last stamp a device issued or saw, and its own node id. */
export interface Clock {
  node: string;
  last: Stamp;
}

/** A fresh device clock with a random node id (or the given one). */
export function newClock(random: () => number = Math.random, node = randomNode(random)): Clock {
  return { node, last: stampOf(0, 0, node) };
}

function randomNode(random: () => number): string {
  let node = '';
  for (let i = 0; i < NODE_LENGTH; i++) node += Math.floor(random() * 36).toString(36);
  return node;
}

/** Whether `value` is a well-formed stamp. */
export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP_PATTERN.test(value);
}

/** The wall-clock part of a stamp, in epoch ms. */
export function wallOf(stamp: Stamp): number {
  return parseInt(stamp.slice(0, WALL_DIGITS), 36);
}

function counterOf(stamp: Stamp): number {
  return parseInt(stamp.slice(WALL_DIGITS, WALL_DIGITS + COUNTER_DIGITS), 36);
}

function stampOf(wall: number, counter: number, node: string): Stamp {
  return (
    Math.max(0, Math.floor(wall)).toString(36).padStart(WALL_DIGITS, '0') +
    counter.toString(36).padStart(COUNTER_DIGITS, '0') +
    node
  );
}

/** A new stamp for a local event at wall time `now`, and the clock after it. */
export function tick(clock: Clock, now: number): { stamp: Stamp; clock: Clock } {
  const lastWall = wallOf(clock.last);
  let wall = Math.max(lastWall, Math.floor(now));
  let counter = wall === lastWall ? counterOf(clock.last) + 1 : 0;
  if (counter > MAX_COUNTER) {
    // Over a million events in one millisecond: borrow the next millisecond.
    wall += 1;
    counter = 0;
  }
  const stamp = stampOf(wall, counter, clock.node);
  return { stamp, clock: { node: clock.node, last: stamp } };
}

/** The clock after seeing a stamp from elsewhere: never below it. */
export function observe(clock: Clock, seen: Stamp): Clock {
  if (seen <= clock.last) return clock;
  // Keep the seen wall time and counter, but as this device's own stamp.
  return { node: clock.node, last: seen.slice(0, WALL_DIGITS + COUNTER_DIGITS) + clock.node };
}
