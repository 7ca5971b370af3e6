import { describe, expect, it } from 'vitest';
import { createModel } from '../../src/engine';
import { fitsMainThread, jobCost, jobTimeoutMs } from '../../src/store/jobCost';

const spec = (cell: 'rnn' | 'lstm' | 'gru', hiddenSize: number, numLayers: number) =>
  createModel({ cell, inputSize: 1, hiddenSize, numLayers }).spec;

/** The largest scene the controls allow: an LSTM of 64 units and 3 layers on 2000 steps. */
const LARGEST = spec('lstm', 64, 3);
const T = 2000;

describe('worker job timeouts', () => {
  it('never cut off the largest scene on a machine twice as slow as this one', () => {
    // Measured on this machine kind: the three panes' gradients of the largest scene take
    // about 10 s together, its timing about 1.5 s. Each job's timer runs alone, so even the
    // whole 10 s, doubled, stays inside every one of its jobs' timeouts.
    for (const job of ['trace', 'norms', 'saliency', 'timing'] as const) {
      expect(jobTimeoutMs(jobCost(job, LARGEST, T))).toBeGreaterThan(2 * 10_000);
    }
  });

  it('grow with the job: more steps or units, a longer wait allowed', () => {
    const small = jobTimeoutMs(jobCost('norms', spec('lstm', 8, 1), 50));
    const large = jobTimeoutMs(jobCost('norms', LARGEST, T));
    expect(large).toBeGreaterThan(small);
  });
});

describe('the page computes a job itself only when it is small', () => {
  it('does the opening scenes, not the largest', () => {
    expect(fitsMainThread(jobCost('norms', spec('lstm', 8, 1), 50))).toBe(true);
    expect(fitsMainThread(jobCost('norms', spec('lstm', 32, 1), 200))).toBe(true);
    expect(fitsMainThread(jobCost('trace', LARGEST, T))).toBe(false);
    expect(fitsMainThread(jobCost('norms', spec('lstm', 64, 1), T))).toBe(false);
  });
});
