/**
 * The two losses: values against numbers worked out by hand from their formulas, and
 * dL/dy against central finite differences of the loss itself.
 */
import { describe, expect, it } from 'vitest';
import { lossFor, mseLoss, softmaxCrossEntropy } from '../../../src/engine';
import { centralDiff, mismatches, randMatrix, rng } from '../support';

/** Finite-difference gradient of f at every entry of y. */
function fdGradient(y: number[][], f: (y: number[][]) => number): number[] {
  const out: number[] = [];
  y.forEach((row, s) =>
    row.forEach((_, k) =>
      out.push(
        centralDiff((eps) =>
          f(y.map((r, a) => r.map((v, b) => (a === s && b === k ? v + eps : v)))),
        ),
      ),
    ),
  );
  return out;
}

describe('mseLoss', () => {
  it('is the mean of (y − target)² over all S·O entries', () => {
    // ((1 − 0)² + (2 − 0)²) / 2 = 5 / 2; dL/dy = 2 (y − target) / 2 = [1, 2].
    expect(mseLoss([[1, 2]], [[0, 0]])).toEqual({ loss: 2.5, dy: [[1, 2]] });
    // ((0.5)² + (−1)² + 0² + 2²) / 4 = (0.25 + 1 + 0 + 4) / 4 = 1.3125.
    const { loss } = mseLoss(
      [
        [1.5, 0],
        [3, 2],
      ],
      [
        [1, 1],
        [3, 0],
      ],
    );
    expect(loss).toBe(1.3125);
  });

  it('has dL/dy equal to central differences', () => {
    const rand = rng(3);
    const y = randMatrix(rand, 3, 2, 2);
    const target = randMatrix(rand, 3, 2, 2);
    const fd = fdGradient(y, (yy) => mseLoss(yy, target).loss);
    expect(mismatches('dy', mseLoss(y, target).dy.flat(), fd, 1e-6, 1e-10)).toEqual([]);
  });

  it('rejects mismatched shapes and empty read-outs', () => {
    expect(() => mseLoss([[1, 2]], [[1]])).toThrow(/row 0.*\[1\]\[2\]/);
    expect(() => mseLoss([[1]], [[1], [2]])).toThrow(/2 rows.*\[1\]\[1\]/);
    expect(() => mseLoss([], [])).toThrow(/at least one scored step/);
    expect(() => mseLoss([[1]], [[NaN]])).toThrow(/target\[0\]\[0\] is NaN/);
  });
});

describe('softmaxCrossEntropy', () => {
  it('is log O for uniform logits, whatever the target class', () => {
    for (const O of [2, 3, 7]) {
      const logits = [new Array<number>(O).fill(0.3)];
      const target = [Array.from({ length: O }, (_, k) => (k === O - 1 ? 1 : 0))];
      const { loss, dLogits } = softmaxCrossEntropy(logits, target);
      expect(loss).toBeCloseTo(Math.log(O), 14);
      // softmax = 1/O everywhere: dL/dz = 1/O − target.
      dLogits[0]!.forEach((d, k) => expect(d).toBeCloseTo(1 / O - (k === O - 1 ? 1 : 0), 14));
    }
  });

  it('averages −log p(target) over the rows', () => {
    // Row 0: logits [0, ln 3] → softmax [1/4, 3/4]; target class 1 → −ln(3/4) = ln(4/3).
    // Row 1: logits [0, 0] → softmax [1/2, 1/2]; target class 0 → ln 2.
    const { loss } = softmaxCrossEntropy(
      [
        [0, Math.log(3)],
        [0, 0],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    );
    expect(loss).toBeCloseTo((Math.log(4 / 3) + Math.log(2)) / 2, 14);
  });

  it('stays finite for large logits (log-sum-exp)', () => {
    const right = softmaxCrossEntropy([[1000, 0]], [[1, 0]]);
    expect(right.loss).toBeCloseTo(0, 14);
    const wrong = softmaxCrossEntropy([[1000, 0]], [[0, 1]]);
    expect(wrong.loss).toBeCloseTo(1000, 10);
    expect(wrong.dLogits[0]).toEqual([1, -1]);
  });

  it('has dL/dlogits equal to central differences, for one-hot and probability targets', () => {
    const rand = rng(8);
    const logits = randMatrix(rand, 3, 4, 3);
    const targets = [
      [
        [0, 0, 1, 0],
        [1, 0, 0, 0],
        [0, 0, 0, 1],
      ],
      [
        [0.1, 0.2, 0.3, 0.4],
        [0.25, 0.25, 0.25, 0.25],
        [0, 0.5, 0.5, 0],
      ],
    ];
    for (const target of targets) {
      const fd = fdGradient(logits, (z) => softmaxCrossEntropy(z, target).loss);
      const got = softmaxCrossEntropy(logits, target).dLogits.flat();
      expect(mismatches('dLogits', got, fd, 1e-6, 1e-10)).toEqual([]);
    }
  });
});

describe('lossFor', () => {
  it('dispatches on the task loss name, returning dL/dy as dy', () => {
    const y = [[0.2, -0.4, 1]];
    const t = [[0, 1, 0]];
    expect(lossFor('mse', y, t)).toEqual(mseLoss(y, t));
    const ce = softmaxCrossEntropy(y, t);
    expect(lossFor('crossEntropy', y, t)).toEqual({ loss: ce.loss, dy: ce.dLogits });
    expect(() => lossFor('hinge' as never, y, t)).toThrow(/unknown loss "hinge"/);
  });
});
