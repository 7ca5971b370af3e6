import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { goToStop } from '../../src/lessons/navigate';
import {
  createSceneStore,
  loadTrainedModel,
  originalRunOf,
  paneRunOf,
  setJsonFetcher,
} from '../../src/store';
import type { OkPaneRun } from '../../src/store/gradients';

/**
 * "Cut the conveyor belt": what its captions say must hold for the shipped models on the
 * lesson's sample (the numbers are filled in live; the words are not).
 */
beforeAll(() => {
  setJsonFetcher(async (url) =>
    JSON.parse(readFileSync(`public/${url.replace(/^\//, '')}`, 'utf8')),
  );
});

/** Pane A's changed run and its original at stop k (0-based). */
async function atStop(k: number): Promise<{ run: OkPaneRun; own: OkPaneRun; unit: number }> {
  const store = createSceneStore();
  expect(goToStop(store, 'cut-the-belt', k)).toEqual([]);
  const { panes, input, unit } = store.getState();
  await loadTrainedModel(panes[0]!.trained);
  const pane = store.getState().panes[0]!;
  const run = paneRunOf(pane, input);
  const own = originalRunOf(pane, input);
  if (!run.ok || !own.ok) throw new Error('no run');
  return { run, own, unit };
}

/** The answer at step 50: the likelier class, '−1' or '+1', and its probability. */
function answer(run: OkPaneRun): { label: string; p: number } {
  const [minus, plus] = run.readout!.probabilities![49]!;
  return plus! > minus! ? { label: '+1', p: plus! } : { label: '−1', p: minus! };
}

const at = (run: OkPaneRun, name: string, t: number, unit: number) =>
  run.trace.layers[0]!.gates[name]![t - 1]![unit]!;

describe('cut the conveyor belt: the captions hold for the shipped models', () => {
  it('the sample starts with −1, then +0.78, and the LSTM answers −1 surely', async () => {
    const { run, unit } = await atStop(0);
    expect(run.sequence.tokens.slice(0, 2)).toEqual(['−1', '0.78']);
    expect(run.trace.interventions).toBeUndefined();
    expect(answer(run)).toMatchObject({ label: '−1' });
    expect(answer(run).p).toBeGreaterThan(0.95);
    expect(at(run, 'c', 50, unit)).toBeLessThan(-1);
  });

  it('f = 0 at step 25 cuts c there, yet the answer stays: g rewrites the sign from h', async () => {
    const { run, own, unit } = await atStop(1);
    expect(at(run, 'f', 25, unit)).toBe(0);
    // c₂₅ = i·g exactly, far smaller than the c it replaced, with the same sign.
    expect(at(run, 'c', 25, unit)).toBe(at(run, 'i', 25, unit) * at(run, 'g', 25, unit));
    expect(Math.abs(at(run, 'c', 25, unit))).toBeLessThan(Math.abs(at(own, 'c', 25, unit)) / 4);
    expect(Math.sign(at(run, 'h', 24, unit))).toBe(Math.sign(at(own, 'c', 25, unit)));
    expect(answer(run).label).toBe('−1');
    expect(run.readout!.correct[49]).toBe(true);
  });

  it('f = 0 from step 25 to the end loses the bit: the answer changes', async () => {
    const { run } = await atStop(2);
    expect(answer(run).label).toBe('+1');
    expect(run.readout!.correct[49]).toBe(false);
  });

  it('i = 0 at step 1: the state after step 1 is the zero start, and step 2’s +0.78 is taken for the bit', async () => {
    const { run } = await atStop(3);
    const layer = run.trace.layers[0]!.gates;
    expect(Array.from(layer.c![0]!).every((v) => v === 0)).toBe(true);
    expect(Array.from(layer.h![0]!).every((v) => v === 0)).toBe(true);
    expect(answer(run).label).toBe('+1');
    expect(run.readout!.correct[49]).toBe(false);
  });

  it('o = 0 at step 50: h is 0, the read-out falls to its bias, and c still holds the bit', async () => {
    const { run, own, unit } = await atStop(4);
    const h50 = run.trace.layers[0]!.gates.h![49]!;
    expect(Array.from(h50).every((v) => v === 0)).toBe(true);
    // With h = 0 the read-out is softmax(b): the head's bias alone.
    const [b0, b1] = run.trained!.head.bias;
    const biasP1 = 1 / (1 + Math.exp(b0! - b1!));
    expect(run.readout!.probabilities![49]![1]).toBeCloseTo(biasP1, 12);
    expect(at(run, 'c', 50, unit)).toBe(at(own, 'c', 50, unit));
    expect(at(run, 'c', 50, unit)).toBeLessThan(-1);
  });

  it('GRU: z = 1 at step 1 keeps h at its zero start; the bit is never written and the answer changes', async () => {
    const { run, own } = await atStop(5);
    expect(run.model.spec.cell).toBe('gru');
    expect(Array.from(run.trace.layers[0]!.gates.h![0]!).every((v) => v === 0)).toBe(true);
    expect(answer(own).label).toBe('−1');
    expect(answer(run).label).toBe('+1');
  });
});
