/**
 * What the user reads when a message never got an answer. The browser's own errors
 * ("A listener indicated an asynchronous response by returning true, but the message
 * channel closed…", "Could not establish connection. Receiving end does not exist.",
 * "Error in invocation of runtime.sendMessage…") are for developers; they never reach
 * the page. Answers from the background (`RemoteError`) carry a problem code that
 * `problemText` words.
 */
import { RemoteError } from '../shared/messages';

/** Why a call got no usable answer. */
export type TransportFailure = 'no-answer' | 'too-large';

/** The failure behind an error the browser raised while sending, or null for a background's answer. */
export function transportFailure(error: unknown): TransportFailure | null {
  if (error instanceof RemoteError) return null;
  const text = error instanceof Error ? error.message : String(error);
  return /length exceeded|maximum allowed length|too large/i.test(text) ? 'too-large' : 'no-answer';
}

/** Chromium refuses a message whose JSON form is longer than 64 MiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * An upper estimate of the bytes a string takes in a message's JSON form: characters that
 * JSON escapes grow (a control character to six bytes), others take their UTF-8 length.
 */
export function messageBytes(text: string): number {
  let bytes = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) bytes += 5;
    else if (code === 0x22 || code === 0x5c) bytes += 1;
    else if (code >= 0x80) bytes += code < 0x800 ? 1 : 2;
  }
  return bytes;
}

/** Whether `text` holds a control character that no JSON file may hold raw (tab and line breaks aside). */
export function hasRawControl(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
}
