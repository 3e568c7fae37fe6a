/**
 * Raw DEFLATE through the platform's CompressionStream (service workers, extension
 * pages and Node 20 all have it), and base64, since `storage.sync` holds JSON only.
 */

async function pump(stream: CompressionStream | DecompressionStream, input: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Write and read at once: awaiting the write first would stall on back-pressure.
  const written = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => {});
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new RangeError('Inflated data is larger than allowed.');
    }
    parts.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** `text` as UTF-8, deflated (raw), in base64. */
export async function deflateToBase64(text: string): Promise<string> {
  const bytes = await pump(new CompressionStream('deflate-raw'), new TextEncoder().encode(text), Infinity);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The text deflated by `deflateToBase64`; throws on damaged data or output over `maxBytes`. */
export async function inflateFromBase64(base64: string, maxBytes: number): Promise<string> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const out = await pump(new DecompressionStream('deflate-raw'), bytes, maxBytes);
  return new TextDecoder('utf-8', { fatal: true }).decode(out);
}

/** The first 16 hex digits of the SHA-256 of `text`: names one written state. */
export async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
