/**
 * A zip reader for the importer's containers (PyTorch archives, `.keras` files). It reads
 * the central directory itself, so that a stored entry (PyTorch writes every record
 * stored) is a view of the file's bytes, never a copy, and a deflated entry is expanded by
 * fflate's `inflateSync` into a buffer of exactly its declared size (a zip bomb cannot grow
 * it). Every entry's CRC-32 is checked when it is read, so a damaged record is refused.
 */
import { inflateSync } from 'fflate';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  /** The path inside the archive, as stored (UTF-8). */
  readonly name: string;
  /** 0 = stored, 8 = deflated (the only two read). */
  readonly method: number;
  /** Bytes in the file. */
  readonly compressedSize: number;
  /** Bytes once expanded, as the directory declares them. */
  readonly size: number;
  /** CRC-32 of the expanded bytes. */
  readonly crc: number;
  /** Offset of the entry's local header in the file. */
  readonly localOffset: number;
}

/** The directory of a zip, and a reader of its entries. */
export interface ZipArchive {
  /** Entries in directory order. */
  readonly entries: readonly ZipEntry[];
  /** The entry called `name`, or undefined. */
  find(name: string): ZipEntry | undefined;
  /** The entry's bytes, checked against its CRC-32; throws {@link ZipError} when damaged. */
  read(entry: ZipEntry): Uint8Array;
}

/** A damaged, truncated or oversized zip: the message says what, without the file's name. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** Expanded bytes one archive may declare in total (a zip bomb is refused up front). */
export const MAX_ZIP_EXPANDED_BYTES = 512 * 1024 * 1024;

/** Entries one archive may list. */
export const MAX_ZIP_ENTRIES = 100_000;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** True when the bytes end with a zip's end-of-central-directory record (a complete zip). */
export function hasZipEnd(bytes: Uint8Array): boolean {
  return findEnd(bytes) >= 0;
}

function findEnd(bytes: Uint8Array): number {
  const last = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= last; at--) {
    if (u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) === bytes.length) return at;
  }
  // A comment length that does not reach the end: accept the last signature found.
  for (let at = bytes.length - 22; at >= last; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

/**
 * Reads a zip's central directory. Throws {@link ZipError} when the end record is missing
 * (a truncated file), when the directory points outside the file, or when the declared
 * sizes exceed {@link MAX_ZIP_EXPANDED_BYTES}.
 */
export function openZip(bytes: Uint8Array): ZipArchive {
  const end = findEnd(bytes);
  if (end < 0) {
    throw new ZipError(
      'the zip end-of-central-directory record is missing: the file is truncated or not a complete zip archive',
    );
  }
  let count = u16(bytes, end + 10);
  let dirSize = u32(bytes, end + 12);
  let dirOffset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === EOCD64_LOCATOR) {
    const at = u64(bytes, end - 12);
    if (at + 56 > bytes.length || u32(bytes, at) !== EOCD64) {
      throw new ZipError('the zip64 end-of-central-directory record is missing or damaged');
    }
    count = u64(bytes, at + 32);
    dirSize = u64(bytes, at + 40);
    dirOffset = u64(bytes, at + 48);
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw new ZipError(`the zip lists ${count} entries (the limit is ${MAX_ZIP_ENTRIES})`);
  }
  if (dirOffset + dirSize > bytes.length) {
    throw new ZipError(
      `the zip directory (${dirSize} bytes at offset ${dirOffset}) lies beyond the file's ${bytes.length} bytes: the file is truncated`,
    );
  }
  const entries = readDirectory(bytes, dirOffset, dirOffset + dirSize, count);
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    find: (name) => byName.get(name),
    read: (entry) => readEntry(bytes, entry),
  };
}

function readDirectory(bytes: Uint8Array, from: number, to: number, count: number): ZipEntry[] {
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = from;
  for (let k = 0; k < count; k++) {
    if (at + 46 > to || u32(bytes, at) !== CENTRAL) {
      throw new ZipError(`zip directory entry ${k + 1} of ${count} is damaged`);
    }
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const next = at + 46 + nameLength + extraLength + u16(bytes, at + 32);
    if (next > to) throw new ZipError(`zip directory entry ${k + 1} of ${count} is damaged`);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    let localOffset = u32(bytes, at + 42);
    // zip64: the 0xffffffff fields are in the extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 1) {
        let field = extra + 4;
        const take = (): number => {
          const v = field + 8 <= extra + 4 + length ? u64(bytes, field) : 0;
          field += 8;
          return v;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      extra += 4 + length;
    }
    total += size;
    if (total > MAX_ZIP_EXPANDED_BYTES) {
      throw new ZipError(
        `the zip's entries declare more than ${MAX_ZIP_EXPANDED_BYTES / 2 ** 20} MB once expanded (a zip bomb?)`,
      );
    }
    const method = u16(bytes, at + 10);
    entries.push({ name, method, compressedSize, size, crc: u32(bytes, at + 16), localOffset });
    at = next;
  }
  return entries;
}

function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) {
    throw new ZipError(`the local header of zip entry '${entry.name}' is missing or damaged`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) {
    throw new ZipError(
      `zip entry '${entry.name}' needs ${entry.compressedSize} bytes at offset ${start}, beyond the file's ${bytes.length} bytes: the file is truncated`,
    );
  }
  const raw = bytes.subarray(start, start + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) {
      throw new ZipError(
        `stored zip entry '${entry.name}' declares ${entry.size} bytes but holds ${entry.compressedSize}`,
      );
    }
    data = raw;
  } else if (entry.method === 8) {
    try {
      data = inflateSync(raw, { out: new Uint8Array(entry.size) });
    } catch (e) {
      throw new ZipError(`zip entry '${entry.name}' does not decompress (${(e as Error).message})`);
    }
  } else {
    throw new ZipError(
      `zip entry '${entry.name}' uses compression method ${entry.method}; only stored and deflated entries are read`,
    );
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) {
    throw new ZipError(`zip entry '${entry.name}' is damaged (its CRC-32 does not match)`);
  }
  return data;
}

/** The CRC-32 table (IEEE polynomial, reflected), 1 kB, built once. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 (IEEE, as zip uses) of `data`. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let k = 0; k < data.length; k++) crc = CRC_TABLE[(crc ^ data[k]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
