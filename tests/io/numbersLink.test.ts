/**
 * The user's numbers in a link (`in=numbers&nums=…`, compressed under `nz`): carried
 * exactly, and validated on the way in like every other setting, so that a tampered link
 * opens with a notice naming the row and column, never a broken scene.
 */
import { describe, expect, it } from 'vitest';
import { compressText, MAX_COMPRESSED_LENGTH } from '../../src/io/compress';
import { defaultSnapshot } from '../../src/io/sceneSchema';
import { decodeScene, encodeScene } from '../../src/io/sceneUrl';
import { DEFAULT_INPUT, LIMITS, sequenceLength, type SceneSnapshot } from '../../src/scene';
import { Random } from '../../src/engine';

/** The default scene with these numbers as its input. */
function withNumbers(numbers: string): SceneSnapshot {
  const scene = defaultSnapshot();
  scene.input = { ...scene.input, kind: 'numbers', numbers };
  return scene;
}

/** The value of `key` in a hash, as written (still percent-encoded). */
const param = (hash: string, key: string) =>
  hash
    .split('&')
    .find((p) => p.startsWith(`${key}=`))
    ?.slice(key.length + 1);

/** `rows` steps of three values of random digits, `digits` after the point, as CSV. */
function randomCsv(rows: number, digits: number, seed: number): string {
  const rng = new Random(seed);
  const cell = () => (rng.uniform(-1, 1) * 10).toFixed(digits);
  return Array.from({ length: rows }, () => [cell(), cell(), cell()].join(',')).join('\n');
}

describe('pasted numbers in a link', () => {
  it('carry the text exactly as pasted (tabs, header, line ends), readable when short', () => {
    const pasted = 'temp\train\r\n0.5\t-1.25\r\n1e-3\t4\r\n';
    const hash = encodeScene(withNumbers(pasted));
    expect(param(hash, 'in')).toBe('numbers');
    expect(decodeURIComponent(param(hash, 'nums')!)).toBe(pasted);
    expect(decodeScene(hash)).toEqual({ scene: withNumbers(pasted), problems: [], changed: [] });
  });

  it('compress long numbers under nz, and read them back exactly', () => {
    const pasted = randomCsv(1500, 2, 1);
    const hash = encodeScene(withNumbers(pasted));
    expect(param(hash, 'nums')).toBeUndefined();
    expect(param(hash, 'nz')!.length).toBeLessThan(encodeURIComponent(pasted).length);
    const { scene, problems } = decodeScene(hash);
    expect(problems).toEqual([]);
    expect(scene.input.numbers).toBe(pasted);
    expect(sequenceLength(scene.input)).toBe(1500);
  });

  it('write numbers plain when compressed they would be longer than a link may unpack', () => {
    const pasted = randomCsv(2000, 5, 2)
      .slice(0, LIMITS.numbersLength.max)
      .replace(/\n[^\n]*$/, '');
    expect(compressText(pasted).length).toBeGreaterThan(MAX_COMPRESSED_LENGTH);
    const hash = encodeScene(withNumbers(pasted));
    expect(param(hash, 'nz')).toBeUndefined();
    const { scene, problems } = decodeScene(hash);
    expect(problems).toEqual([]);
    expect(scene.input.numbers).toBe(pasted);
  });
});

describe('a tampered link', () => {
  it('a cell that is not a number: the notice names the row and column, the default numbers run', () => {
    const { scene, problems, changed } = decodeScene('v=1&in=numbers&nums=1,2%0A3,x');
    expect(scene.input.kind).toBe('numbers');
    expect(scene.input.numbers).toBe(DEFAULT_INPUT.numbers);
    expect(changed).toEqual(['nums']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Could not read the input numbers');
    expect(problems[0]).toContain("Row 2, column 2: 'x' is not a number");
    expect(problems[0]).toContain('used the numbers of 6 steps × 3 features');
  });

  it('ragged rows, numbers past the size cap and a damaged compressed value are refused alike', () => {
    const ragged = decodeScene('v=1&in=numbers&nums=1,2%0A3');
    expect(ragged.problems[0]).toContain('Row 2 has 1 column; row 1 has 2');
    const long = '1%0A'.repeat(LIMITS.numbersLength.max / 2 + 1);
    const tooLong = decodeScene(`v=1&in=numbers&nums=${long}`);
    expect(tooLong.problems[0]).toContain(`longer than ${LIMITS.numbersLength.max} characters`);
    const packed = param(encodeScene(withNumbers(randomCsv(400, 2, 3))), 'nz')!;
    const damaged = `${packed.slice(0, -8)}AAAAAAAA`;
    const broken = decodeScene(`v=1&in=numbers&nz=${damaged}`);
    expect(broken.problems[0]).toContain('compressed input numbers (nz)');
    for (const { scene } of [ragged, tooLong, broken]) {
      expect(scene.input.numbers).toBe(DEFAULT_INPUT.numbers);
    }
  });

  it('a step past the numbers’ last row is brought back to it, with a notice', () => {
    const { scene, problems } = decodeScene('v=1&in=numbers&nums=1%0A2%0A3&t=9');
    expect(scene.t).toBe(3);
    expect(problems).toEqual(['The time step 9 is past the end of the input (3 steps); used 3.']);
  });
});
