/**
 * The byte-level side of the pickle reader: a cursor that never reads past the end, the
 * integer and string encodings, and the globals no PyTorch file names.
 */

/** A malformed or refused pickle; the message says why, without the file's name. */
export class PickleError extends Error {
  override name = 'PickleError';
}

/** Modules (or `module.name`) no PyTorch file names; a pickle that names one is refused. */
const DENIED = [
  'os',
  'posix',
  'nt',
  'subprocess',
  'sys',
  'socket',
  'shutil',
  'runpy',
  'importlib',
  'pickle',
  'marshal',
  'ctypes',
  'code',
  'pty',
  'webbrowser',
  'builtins.eval',
  'builtins.exec',
  'builtins.compile',
  'builtins.open',
  'builtins.getattr',
  'builtins.setattr',
  'builtins.__import__',
  'builtins.globals',
  'builtins.apply',
  'builtins.input',
];

/** True for a global that only a malicious pickle would name. */
export function isDenied(module: string, name: string): boolean {
  const mod = module === '__builtin__' ? 'builtins' : module;
  const full = `${mod}.${name}`;
  return DENIED.some((d) => mod === d || mod.startsWith(`${d}.`) || full === d);
}

/** A cursor over the pickle's bytes that refuses to read past their end. */
export class Reader {
  at: number;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
  ) {
    this.at = start;
  }
  take(n: number): Uint8Array {
    if (!Number.isSafeInteger(n) || n < 0 || this.at + n > this.bytes.length) {
      throw new PickleError(
        `the pickle ends early (an opcode at byte ${this.at} needs ${n} more bytes, ${this.bytes.length - this.at} left)`,
      );
    }
    this.at += n;
    return this.bytes.subarray(this.at - n, this.at);
  }
  u8(): number {
    return this.take(1)[0]!;
  }
  u16(): number {
    const b = this.take(2);
    return b[0]! | (b[1]! << 8);
  }
  u32(): number {
    const b = this.take(4);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }
  i32(): number {
    return this.u32() | 0;
  }
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    return hi * 2 ** 32 + lo;
  }
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end < 0) throw new PickleError(`the pickle ends early (a line at byte ${this.at})`);
    return latin1(this.take(end - this.at + 1).subarray(0, -1));
  }
}

/** UTF-8, as pickles write str (unpaired surrogates become U+FFFD). */
export const utf8 = new TextDecoder();
const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let k = 0; k < b.length; k++) s += String.fromCharCode(b[k]!);
  return s;
};

/** A little-endian two's-complement integer of any length (LONG1, LONG4). */
export function decodeLong(b: Uint8Array): number | bigint {
  if (b.length === 0) return 0;
  let v = 0n;
  for (let k = b.length - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[k]!);
  if (b[b.length - 1]! & 0x80) v -= 1n << BigInt(8 * b.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}

/** Bytes a LONG4 may carry (an int of 2048 bits is already absurd in a model file). */
export const MAX_LONG_BYTES = 256;

/** A protocol-0 decimal integer (a number when safe, else a bigint). */
export function parseIntStrict(s: string): number | bigint {
  if (!/^[-+]?\d+$/.test(s)) throw new PickleError(`'${s.slice(0, 20)}' is not an integer`);
  const v = BigInt(s);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}
