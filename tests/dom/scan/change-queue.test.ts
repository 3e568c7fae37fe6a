import { describe, expect, it } from 'vitest';
import { createBlockFinder } from '../../../lib/scan/block';
import { createReadMarks } from '../../../lib/scan/read-marks';
import { BURST_LIMIT, createChangeQueue, type ReadState } from '../../../lib/scan/change-queue';

const characterData = (target: Node) => ({ type: 'characterData', target }) as unknown as MutationRecord;
const childList = (target: Node, added: Node[], nextSibling: Node | null = null) =>
  ({ type: 'childList', target, addedNodes: added, nextSibling }) as unknown as MutationRecord;

/** Everything in the document read before, and no read end (so no change counts as an append after it). */
function readAll(): ReadState {
  const seen = createReadMarks();
  seen.set(document, 1);
  for (const el of document.querySelectorAll('*')) seen.set(el, 1);
  return { seen, spine: new Set() };
}
const take = (queue: ReturnType<typeof createChangeQueue>, read = readAll()) =>
  queue.take(createBlockFinder(window), document, [document], read).targets;

describe('the change queue', () => {
  it('starts with a full rescan, then gives the units around what changed, each once', () => {
    document.body.innerHTML = '<main><p id="a">one <b>two</b></p><p id="b">three</p></main>';
    const queue = createChangeQueue();
    expect(take(queue)).toEqual([document]);
    const a = document.querySelector('#a')!;
    const b = document.querySelector('#b')!;
    queue.record([characterData(a.firstChild!), childList(a.querySelector('b')!, []), characterData(b.firstChild!)]);
    expect(take(queue)).toEqual([a, b]);
    expect(take(queue)).toEqual([]);
  });

  it('reads added nodes of a container, leaving out those inside another added node', () => {
    document.body.innerHTML = '<main></main>';
    const queue = createChangeQueue();
    take(queue);
    const read = readAll();
    const main = document.querySelector('main')!;
    main.innerHTML = '<section id="s"><p id="p">x</p></section>';
    const section = document.querySelector('#s')!;
    queue.record([childList(main, [section]), childList(section, [document.querySelector('#p')!])]);
    expect(take(queue, read)).toEqual([section]);
  });

  it('leaves appends after the last read to the next read of the tail, and reads other insertions', () => {
    document.body.innerHTML = '<main><p id="a">a</p></main><footer><p id="f">f</p></footer>';
    const queue = createChangeQueue();
    take(queue);
    const main = document.querySelector('main')!;
    const footer = document.querySelector('footer')!;
    const read = readAll();
    // The last read ended inside the footer: appending to it (or to body) comes after it.
    const spineRead: ReadState = { seen: read.seen, spine: new Set([document.querySelector('#f')!, footer, document.body]) };
    const appended = document.createElement('p');
    footer.append(appended);
    const finder = createBlockFinder(window);
    expect(queue.take(finder, document, [document], spineRead)).toEqual({ targets: [], tail: false });
    queue.record([childList(footer, [appended])]);
    expect(queue.take(finder, document, [document], spineRead)).toEqual({ targets: [], tail: true });
    // Appending to main lands before the last read's end; inserting into the footer before its end too.
    const inMain = document.createElement('p');
    main.append(inMain);
    const early = document.createElement('p');
    footer.prepend(early);
    queue.record([childList(main, [inMain]), childList(footer, [early], document.querySelector('#f'))]);
    expect(queue.take(finder, document, [document], spineRead)).toEqual({ targets: [inMain, early], tail: false });
  });

  it('turns a burst of more than BURST_LIMIT changes into one full rescan', () => {
    document.body.innerHTML = '<p>x</p>';
    const queue = createChangeQueue();
    take(queue);
    const records = Array.from({ length: BURST_LIMIT + 1 }, () => characterData(document.createTextNode('t')));
    queue.record(records);
    expect(take(queue)).toEqual([document]);
  });
});
