import { describe, expect, it } from 'vitest';
import { defaultSnapshot } from '../../src/io/sceneSchema';
import { decodeScene, encodeScene, MAX_PAIRS } from '../../src/io/sceneUrl';

const DEFAULTS = defaultSnapshot();

/** Decodes, checking it neither throws nor returns an invalid scene. */
function decode(hash: string) {
  const result = decodeScene(hash);
  expect(result.scene.panes.length).toBeGreaterThanOrEqual(1);
  for (const p of result.scene.panes) {
    expect(Number.isInteger(p.hiddenSize) && p.hiddenSize >= 1 && p.hiddenSize <= 64).toBe(true);
  }
  expect(Number.isFinite(result.scene.t)).toBe(true);
  return result;
}

/** A valid hash with one pane per letter and everything else changed, to cut and damage. */
const FULL = encodeScene({
  ...DEFAULTS,
  panes: [
    { ...DEFAULTS.panes[0]!, cell: 'gru', hiddenSize: 12 },
    { ...DEFAULTS.panes[0]!, id: 'B', cell: 'rnn', nonlinearity: 'relu' },
  ],
  input: { ...DEFAULTS.input, text: 'students learn gates' },
  t: 5,
  unit: 3,
});

describe('broken hashes open what can be read, defaults for the rest, and say so', () => {
  it('garbage: %%%', () => {
    const { scene, problems } = decode('%%%');
    expect(scene).toEqual(DEFAULTS);
    expect(problems).toContain("Could not read '%%%' (a setting is written key=value).");
  });

  it('garbage of every kind never throws', () => {
    const junk = [
      '#',
      '&&&',
      '=',
      '==&=',
      '%',
      'v=1&%E0%A4=1',
      'v',
      'v=1&v=2',
      'v=1&=5',
      '\u0000',
      '🎉=🎉',
    ];
    for (const hash of junk) decode(hash);
    expect(decode('').problems).toEqual([]);
    expect(decode('v=1&v=2').problems).toEqual([
      "The setting 'v' appears more than once; used the first.",
    ]);
  });

  it('truncated mid-value: a broken %-escape, a cut compressed text, every prefix of a link', () => {
    const cut = decode('v=1&text=caf%C3');
    expect(cut.scene.input.text).toBe(DEFAULTS.input.text);
    expect(cut.problems).toEqual([
      'Could not read the input text \'caf%C3\' (broken percent-encoding); used "hello world".',
    ]);
    const long = { ...DEFAULTS, input: { ...DEFAULTS.input, text: 'gates '.repeat(300).trim() } };
    const packed = encodeScene(long);
    expect(packed).toContain('tz=');
    const half = decode(packed.slice(0, Math.floor(packed.length / 2)));
    expect(half.scene.input.text).toBe(DEFAULTS.input.text);
    expect(half.problems[0]).toMatch(
      /^Could not read the compressed input text \(tz\) '.*compressed text cut short or damaged\); used "hello world"\.$/,
    );
    for (let n = 0; n <= FULL.length; n++) decode(FULL.slice(0, n));
  });

  it('unknown version: v=99 opens the default scene', () => {
    const { scene, problems } = decode(`v=99&${FULL.slice(4)}`);
    expect(scene).toEqual(DEFAULTS);
    expect(problems).toEqual([
      "This link is of version '99', which this Gatescope cannot read (it reads version 1); opened the default scene.",
    ]);
  });

  it('a missing version is read as version 1, with a note', () => {
    const { scene, problems } = decode('A.cell=gru');
    expect(scene.panes[0]!.cell).toBe('gru');
    expect(problems).toEqual(['The link has no version (v=1); read it as version 1.']);
  });

  it('out-of-range hidden size, unknown cell type: those fields default, the rest is read', () => {
    const { scene, problems } = decode(
      FULL.replace('A.hidden=12', 'A.hidden=999').replace('B.cell=rnn', 'B.cell=transformer'),
    );
    expect(scene.panes.map((p) => [p.id, p.cell, p.hiddenSize])).toEqual([
      ['A', 'gru', 8],
      ['B', 'lstm', 8],
    ]);
    expect(scene.input.text).toBe('students learn gates');
    expect(scene.t).toBe(5);
    expect(problems).toEqual([
      "Could not read the hidden size '999' of model A (expected a whole number from 1 to 64); used 8.",
      "Could not read the cell type 'transformer' of model B (expected rnn, lstm or gru); used lstm.",
    ]);
  });

  it('the equations’ notation travels in the link; an unknown one is named and defaults', () => {
    const concat = encodeScene({ ...DEFAULTS, notation: 'concat' });
    expect(concat).toBe('v=1&eqs=concat');
    expect(decode(concat)).toEqual({
      scene: { ...DEFAULTS, notation: 'concat' },
      problems: [],
      changed: [],
    });
    const { scene, problems } = decode(`${FULL}&eqs=matrix`);
    expect(scene.notation).toBe('pytorch');
    expect(scene.t).toBe(5);
    expect(problems).toEqual([
      "Could not read the equation notation 'matrix' (expected pytorch or concat); used pytorch.",
    ]);
  });

  it('NaN, Infinity, fractions, hex and empty values', () => {
    const { scene, problems } = decode(
      'v=1&t=NaN&unit=Infinity&A.scale=-Infinity&A.fbias=NaN&A.layers=1.5&A.seed=0x10&speed=',
    );
    expect(scene).toEqual(DEFAULTS);
    expect(problems).toEqual([
      "Could not read the number of layers '1.5' of model A (expected a whole number from 1 to 3); used 1.",
      "Could not read the weight seed '0x10' of model A (expected a whole number from 0 to 4294967295); used 0.",
      "Could not read the weight scale '-Infinity' of model A (expected a number from 0.01 to 10); used 1.",
      "Could not read the forget-gate bias 'NaN' of model A (expected a number from -10 to 10); used 0.",
      "Could not read the time step 'NaN' (expected a whole number from 1 to 2000); used 1.",
      "Could not read the speed '' (expected 0.25×, 0.5×, 1×, 2× or 4×); used 1×.",
      "Could not read the unit 'Infinity' (expected a whole number from 1 to 1024); used 1.",
    ]);
  });

  it('a 1 MB hash: the text defaults, the rest is read, quickly', () => {
    const started = performance.now();
    const { scene, problems } = decode(`v=1&A.cell=rnn&text=${'a'.repeat(1_000_000)}&t=3`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(scene.panes[0]!.cell).toBe('rnn');
    expect(scene.input.text).toBe(DEFAULTS.input.text);
    expect(scene.t).toBe(3);
    expect(problems).toEqual([
      `Could not read the input text '${'a'.repeat(32)}…' (1,000,000 characters; expected 1 to 2000 characters); used "hello world".`,
    ]);
    const many = decode(`v=1&${'x=1&'.repeat(250_000)}`);
    expect(many.problems[0]).toBe(
      `The link has 250001 settings; only the first ${MAX_PAIRS} were read.`,
    );
    expect(many.problems.length).toBeLessThanOrEqual(13);
    decode('%'.repeat(1_000_000));
    decode(`v=1&tz=${'A'.repeat(1_000_000)}`);
  });

  it('unknown keys and keys of a model the link does not have are named', () => {
    const { scene, problems } = decode('v=1&A.hiden=16&C.cell=gru&colour=red');
    expect(scene).toEqual(DEFAULTS);
    expect(problems).toEqual([
      "Ignored 'A.hiden': Gatescope has no such setting.",
      "Ignored 'C.cell': the link has no model C (its models are panes=A).",
      "Ignored 'colour': Gatescope has no such setting.",
    ]);
  });

  it('a step past the end of the input is pulled back to the last step', () => {
    const { scene, problems } = decode('v=1&text=abc&t=9');
    expect(scene.t).toBe(3);
    expect(problems).toEqual(['The time step 9 is past the end of the input (3 steps); used 3.']);
  });

  it('pane letters in any order or case are kept in letter order; bad lists default', () => {
    expect(decode('v=1&panes=ca').scene.panes.map((p) => p.id)).toEqual(['A', 'C']);
    expect(decode('v=1&panes=AAB').problems).toEqual([
      "Could not read the models 'AAB' (expected 1 to 3 different letters of ABC); used A.",
    ]);
    expect(decode('v=1&panes=ABCD').scene.panes.map((p) => p.id)).toEqual(['A']);
  });

  it('never throws for random strings', () => {
    const alphabet = 'v=1&%AB.xyz+#tz_-0123456789🎉';
    for (let k = 0; k < 2000; k++) {
      let hash = '';
      const n = (k * 7919) % 60;
      for (let i = 0; i < n; i++)
        hash += alphabet[(k * 31 + i * 17 + ((k * i) % 13)) % alphabet.length];
      decode(hash);
    }
  });
});
