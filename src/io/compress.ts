/**
 * Synchronous text compression for long input texts in the hash: lz-string (MIT, ~5 KB)
 * written in base64url (A–Z a–z 0–9 - _, no padding), characters that no link shortener,
 * mail client or browser re-encodes. Synchronous so that the hash can be written while the
 * page unloads, and read before the first paint.
 *
 * lz-string has no check of its own: one changed character of its output decodes, about
 * half the time, to another text without an error. So the value carries one:
 * `<code points>.<CRC-32 of the UTF-8 text, base 36>.<lz-string base64url>`, e.g.
 * `tz=312.1b9x0kq.CYQwLiDm…`. A value whose text does not have that length and checksum is
 * refused, never shown; the odds that damage keeps both are about 1 in 4 billion.
 */
import { compressToBase64, decompressFromBase64 } from 'lz-string';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** `<length>.<crc>.<data>`: the length without leading zeros, the CRC in lowercase base 36. */
const CHECKED = /^([1-9]\d{0,5})\.([0-9a-z]{1,7})\.([A-Za-z0-9_-]+)$/;

/**
 * Longest compressed value read back. A 2000-code-point text needs at most about 13 000
 * (2000 astral characters, each pair of UTF-16 units new); a longer value is refused
 * before it is decompressed, since lz-string's output can grow with the square of its
 * input (15 000 characters can hold 30 million, 1.3 s to expand) before the check runs.
 */
export const MAX_COMPRESSED_LENGTH = 20_000;

/** Longest text, in code points, a compressed value may announce (more is refused unread). */
const MAX_TEXT_LENGTH = 100_000;

/** The CRC-32 (IEEE 802.3, as zip and PNG use) lookup table, built on first use. */
let crcTable: Uint32Array | undefined;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** CRC-32 of the UTF-8 bytes of `text` (lone surrogates count as U+FFFD, as TextEncoder writes them). */
export function crc32(text: string): number {
  const t = table();
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc = (t[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The check a compressed value starts with: `<code points>.<crc32 base 36>`. */
function checkOf(text: string): string {
  return `${Array.from(text).length}.${crc32(text).toString(36)}`;
}

/** `text` compressed into base64url, after its check: `<length>.<crc>.<data>`. */
export function compressText(text: string): string {
  const data = compressToBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${checkOf(text)}.${data}`;
}

/** A compressed value read back: its text, or why it cannot be shown. */
export type Unpacked = { readonly text: string } | { readonly problem: string };

/** Why a value that is not a checked compressed text is refused. */
const DAMAGED = 'compressed text cut short or damaged';
const NO_CHECK =
  'compressed text without a check, as links made before checked links carry it: damage cannot be ruled out';
const MISMATCH = 'compressed text damaged: it does not match its check';

/**
 * The text `compressText` wrote, or a problem for a message when `packed` is not such a
 * text (cut short, damaged, or an older value without a check). `limits` bound the packed
 * length and the text length it may announce (a link's text by default). Never throws.
 */
export function decompressText(
  packed: string,
  limits: { maxPacked: number; maxText: number } = {
    maxPacked: MAX_COMPRESSED_LENGTH,
    maxText: MAX_TEXT_LENGTH,
  },
): Unpacked {
  if (packed === '' || packed.length > limits.maxPacked) return { problem: DAMAGED };
  const parts = CHECKED.exec(packed);
  if (!parts) return { problem: BASE64URL.test(packed) ? NO_CHECK : DAMAGED };
  const [, length, , data] = parts as unknown as [string, string, string, string];
  if (Number(length) > limits.maxText) return { problem: DAMAGED };
  const base64 = data.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  let text: unknown;
  try {
    text = decompressFromBase64(padded);
  } catch {
    return { problem: DAMAGED };
  }
  if (typeof text !== 'string' || text === '') return { problem: DAMAGED };
  return packed.startsWith(`${checkOf(text)}.`) ? { text } : { problem: MISMATCH };
}
