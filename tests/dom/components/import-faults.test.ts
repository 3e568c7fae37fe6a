/**
 * Imports whose message never gets an answer: the browser's own error text never reaches
 * the page, and the page says what really happened.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundClient } from '../../../lib/shared/client';
import { createWatchlistsModel } from '../../../lib/ui/watchlists-model';
import { formatMessage, installI18n, realClient } from './helpers';

beforeEach(installI18n);

const FILE = JSON.stringify({ format: 'plot-armor', version: 1, watchlists: [{ title: 'Dark', characters: ['Jonas Kahnwald'] }] });
const RAW = [
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  'Could not establish connection. Receiving end does not exist.',
  'Error in invocation of runtime.sendMessage(optional string extensionId, any message, optional object options, optional function callback): Message length exceeded maximum allowed length.',
];

/** The real background, except that the import's answer is lost after it was saved. */
function stoppedAfterSaving(raw: string): BackgroundClient {
  const { client } = realClient();
  return {
    async call(type, data) {
      const answer = await client.call(type, data);
      if (type === 'watchlists/import') throw new Error(raw);
      return answer;
    },
  };
}

describe('an import that gets no answer', () => {
  it('shows what is saved and says the browser stopped Plot Armor, never the browser’s text', async () => {
    const model = createWatchlistsModel(stoppedAfterSaving(RAW[0]!));
    await model.importText(FILE);
    expect(model.lists.value.map((l) => l.title)).toEqual(['Dark']);
    expect(model.notice.value).toEqual({ kind: 'error', text: formatMessage('import_interrupted') });
  });

  it.each(RAW)('maps "%s" to a sentence of ours', async (raw) => {
    const model = createWatchlistsModel({ call: async () => Promise.reject(new Error(raw)) });
    await model.importText(FILE);
    await model.addTerms('x', 'cast', ['Someone']);
    const text = model.notice.value?.text ?? '';
    expect(text).not.toMatch(/listener|invocation|establish|runtime\./i);
    expect([formatMessage('error_no_answer'), formatMessage('error_too_large_to_send')]).toContain(text);
  });

  it('refuses a file with control characters with the file’s own message, before sending it', async () => {
    let sent = 0;
    const model = createWatchlistsModel({ call: async () => void (sent += 1) as never });
    await model.importText(`${FILE.slice(0, 20)}\u0000\u0001${FILE.slice(20)}`);
    expect(model.notice.value).toEqual({ kind: 'error', text: formatMessage('import_control_characters') });
    expect(sent).toBe(0);
  });
});
