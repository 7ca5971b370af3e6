/**
 * Synchronous text compression for long input texts in the hash: lz-string (MIT, ~5 KB)
 * written in base64url (A–Z a–z 0–9 - _, no padding), characters that no link shortener,
 * mail client or browser re-encodes. Synchronous so that the hash can be written while the
 * page unloads, and read before the first paint.
 */
import { compressToBase64, decompressFromBase64 } from 'lz-string';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Longest compressed text read back (a 2000-character text never needs more). */
export const MAX_COMPRESSED_LENGTH = 64_000;

/** `text` compressed into base64url. */
export function compressText(text: string): string {
  return compressToBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text `compressText` wrote, or undefined when `packed` is not such a text. Never throws. */
export function decompressText(packed: string): string | undefined {
  if (packed === '' || packed.length > MAX_COMPRESSED_LENGTH || !BASE64URL.test(packed)) {
    return undefined;
  }
  const base64 = packed.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  try {
    const text: unknown = decompressFromBase64(padded);
    return typeof text === 'string' && text !== '' ? text : undefined;
  } catch {
    return undefined;
  }
}
