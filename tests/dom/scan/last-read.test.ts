import { describe, expect, it } from 'vitest';
import { createBlockFinder } from '../../../lib/scan/block';
import { createLastRead } from '../../../lib/scan/last-read';

const finder = () => createBlockFinder(window);
const $ = (selector: string) => document.querySelector(selector)!;

describe('where the last read of the document ended', () => {
  it('knows the path down to it, and reads on from the unit holding it', () => {
    document.body.innerHTML = '<main><p id="a">one</p><p id="b">Hannah <b id="end">Bak</b></p></main>';
    const last = createLastRead(document);
    expect(last.resumePoint(finder(), new Set())).toBeUndefined(); // nothing read yet
    last.endedAt($('#end').firstChild!);
    expect([...last.spine()]).toEqual([$('#end').firstChild, $('#end'), $('#b'), $('main'), document.body, document.documentElement, document]);
    expect(last.resumePoint(finder(), new Set())).toBe($('#b'));
  });

  it('reads on after a queued target holding it, or not at all when nothing follows', () => {
    document.body.innerHTML = '<main><section id="s"><p id="a">one</p></section><p id="next">two</p></main>';
    const last = createLastRead(document);
    last.endedAt($('#a'));
    expect(last.resumePoint(finder(), new Set([$('#s')]))).toBe($('#next'));
    expect(last.resumePoint(finder(), new Set([$('main')]))).toBeNull();
  });

  it('gives up (the whole document is read) when the end left the document or went into an editable region', () => {
    document.body.innerHTML = '<main><p id="a">one</p></main><div id="e" contenteditable="true"></div>';
    const last = createLastRead(document);
    last.endedAt($('#a'));
    $('#e').append($('#a'));
    expect(last.resumePoint(finder(), new Set())).toBeUndefined();
    $('#a').remove();
    expect(last.resumePoint(finder(), new Set())).toBeUndefined();
  });
});
