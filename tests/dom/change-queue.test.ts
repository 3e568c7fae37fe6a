import { describe, expect, it } from 'vitest';
import { createBlockFinder } from '../../lib/scan/block';
import { BURST_LIMIT, createChangeQueue } from '../../lib/scan/change-queue';

const characterData = (target: Node) => ({ type: 'characterData', target }) as unknown as MutationRecord;
const childList = (target: Node, added: Node[]) =>
  ({ type: 'childList', target, addedNodes: added }) as unknown as MutationRecord;

describe('the change queue', () => {
  it('starts with a full rescan, then gives the units around what changed, each once', () => {
    document.body.innerHTML = '<main><p id="a">one <b>two</b></p><p id="b">three</p></main>';
    const queue = createChangeQueue();
    expect(queue.take(createBlockFinder(window), document, [document])).toEqual([document]);
    const a = document.querySelector('#a')!;
    const b = document.querySelector('#b')!;
    queue.record([characterData(a.firstChild!), childList(a.querySelector('b')!, []), characterData(b.firstChild!)]);
    expect(queue.take(createBlockFinder(window), document, [document])).toEqual([a, b]);
    expect(queue.take(createBlockFinder(window), document, [document])).toEqual([]);
  });

  it('reads added nodes of a container, leaving out those inside another added node', () => {
    document.body.innerHTML = '<main></main>';
    const queue = createChangeQueue();
    queue.take(createBlockFinder(window), document, [document]);
    const main = document.querySelector('main')!;
    main.innerHTML = '<section id="s"><p id="p">x</p></section>';
    const section = document.querySelector('#s')!;
    queue.record([childList(main, [section]), childList(section, [document.querySelector('#p')!])]);
    expect(queue.take(createBlockFinder(window), document, [document])).toEqual([section]);
  });

  it('turns a burst of more than BURST_LIMIT changes into one full rescan', () => {
    document.body.innerHTML = '<p>x</p>';
    const queue = createChangeQueue();
    queue.take(createBlockFinder(window), document, [document]);
    const records = Array.from({ length: BURST_LIMIT + 1 }, () => characterData(document.createTextNode('t')));
    queue.record(records);
    expect(queue.take(createBlockFinder(window), document, [document])).toEqual([document]);
  });
});
