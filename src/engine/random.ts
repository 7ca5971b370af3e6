import { EngineInputError } from './errors';

/**
 * A seeded pseudo-random generator (xoshiro128**, seeded through SplitMix32) built only
 * from 32-bit integer operations, so the same seed yields the same numbers on every
 * machine and JavaScript engine.
 */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @param seed an integer in [0, 2³²). Anything else (NaN, ±Infinity, a fraction, a
   * negative number, 2³² or more, a non-number) throws an {@link EngineInputError} rather
   * than being wrapped or truncated into some other seed: a seed names a sequence, and
   * two different seeds must never silently give the same one. Callers that want
   * wrapping say so: `new Random(n >>> 0)`.
   */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
      throw new EngineInputError(
        `Random: seed must be an integer from 0 to 4294967295 (2^32 − 1), got ${typeof seed === 'number' ? String(seed) : typeof seed}.`,
      );
    }
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /**
   * Approximately standard normal: the Irwin–Hall sum of 12 uniforms minus 6. Uses only
   * + and −, so it is bit-identical everywhere (Math.log/cos are not guaranteed to be).
   */
  normal(): number {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += this.next();
    return sum - 6;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
