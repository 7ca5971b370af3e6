/**
 * 'next-char' and its corpus: the shipped text and its alphabet, encodeText, samples that
 * decode to a window of the corpus with targets shifted by one, every window reachable,
 * and chance = how often the most common target character occurs.
 */
import { describe, expect, it } from 'vitest';
import {
  CORPUS,
  CORPUS_ALPHABET,
  CORPUS_SOURCE,
  encodeText,
  makeTask,
  normalizeText,
  Random,
} from '../../../src/engine';

/** The alphabet, recomputed here: the sorted distinct characters of the corpus. */
const ALPHABET = [...new Set(CORPUS)].sort();

/** One-hot rows back to a string; throws on a row that is not one-hot. */
function decode(rows: number[][]): string {
  return rows
    .map((row, t) => {
      const k = row.indexOf(1);
      if (row.length !== ALPHABET.length || row.some((v, j) => v !== (j === k ? 1 : 0))) {
        throw new Error(`row ${t} is not one-hot: ${row.join(',')}`);
      }
      return ALPHABET[k] ?? '?';
    })
    .join('');
}

describe('the corpus', () => {
  it('is a few hundred to 1500 lowercase characters over a small alphabet', () => {
    expect(CORPUS).toBe(normalizeText(CORPUS_SOURCE));
    expect(CORPUS.length).toBeGreaterThan(300);
    expect(CORPUS.length).toBeLessThanOrEqual(1500);
    expect(CORPUS).toBe(CORPUS.toLowerCase());
    expect(CORPUS).not.toMatch(/\s\s|\n|^\s|\s$/);
    expect(CORPUS.startsWith('twinkle, twinkle, little star, how i wonder what you are!')).toBe(
      true,
    );
    expect([...CORPUS_ALPHABET]).toEqual(ALPHABET);
    expect(ALPHABET.length).toBeLessThanOrEqual(32);
  });

  it('normalizeText lowercases and collapses whitespace', () => {
    expect(normalizeText('  Twinkle,\n\n  Twinkle\tLittle STAR \n')).toBe(
      'twinkle, twinkle little star',
    );
  });

  it('encodeText one-hot encodes over the alphabet, and names the first foreign character', () => {
    expect(decode(encodeText('how doth the little bat!'))).toBe('how doth the little bat!');
    expect(encodeText('a')[0]?.length).toBe(ALPHABET.length);
    expect(encodeText('')).toEqual([]);
    expect(() => encodeText('little Star')).toThrow(/"S" at position 7/);
    expect(() => encodeText('star?x')).toThrow(/"\?" at position 4/);
  });
});

describe("task 'next-char'", () => {
  it('labels units with the alphabet, the space shown as ␣', () => {
    const task = makeTask('next-char');
    const labels = ALPHABET.map((ch) => (ch === ' ' ? '␣' : ch));
    expect(task.inputLabels).toEqual(labels);
    expect(task.outputLabels).toEqual(labels);
    expect(task.inputSize).toBe(ALPHABET.length);
  });

  it('samples a window of the corpus; targets are the same window shifted by one', () => {
    for (const length of [5, 40, 200]) {
      const task = makeTask('next-char', { length });
      const rng = new Random(length);
      for (let k = 0; k < 50; k++) {
        const s = task.sample(rng);
        const input = decode(s.xs);
        const target = decode(s.targets);
        expect(s.steps).toEqual([...Array(length).keys()]);
        expect(target.slice(0, -1)).toBe(input.slice(1));
        expect(CORPUS.includes(input + target.slice(-1))).toBe(true);
        expect(task.tokens(s).join('')).toBe(input.replaceAll(' ', '␣'));
      }
    }
  });

  it('reaches the first and the last window of the corpus', () => {
    const T = 200; // 756 windows
    const task = makeTask('next-char', { length: T });
    const rng = new Random(8);
    let first = false;
    let last = false;
    for (let k = 0; k < 8000 && !(first && last); k++) {
      const s = task.sample(rng);
      first ||= decode(s.xs) === CORPUS.slice(0, T);
      last ||= decode(s.targets) === CORPUS.slice(-T);
    }
    expect(first).toBe(true);
    expect(last).toBe(true);
  });

  it('has chance = the frequency of the most common target character (the space)', () => {
    const task = makeTask('next-char');
    const counts = new Map<string, number>();
    const rng = new Random(1865);
    let total = 0;
    for (let k = 0; k < 5000; k++) {
      for (const ch of decode(task.sample(rng).targets)) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
        total++;
      }
    }
    const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(best).toBe(' ');
    expect(Math.abs(count / total - task.chance)).toBeLessThan(0.005);
    const spaces = [...CORPUS].filter((ch) => ch === ' ').length;
    expect(Math.abs(task.chance - spaces / CORPUS.length)).toBeLessThan(0.005);
  });
});
