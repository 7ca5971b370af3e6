import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { goToStop, lessonById } from '../../src/lessons/navigate';
import {
  createSceneStore,
  loadTrainedModel,
  paneRunOf,
  setJsonFetcher,
  type SceneStore,
} from '../../src/store';
import type { PaneId } from '../../src/scene';
import { jacobianNormsOf, type OkPaneRun } from '../../src/store/gradients';

/**
 * What the lessons' captions say in words must hold for the shipped models and samples
 * (the numbers in them are filled in live; the words are not). Each test opens a stop the
 * way the app does and checks the claim on the run.
 */
beforeAll(() => {
  setJsonFetcher(async (url) =>
    JSON.parse(readFileSync(`public/${url.replace(/^\//, '')}`, 'utf8')),
  );
});

/** The scene at stop `k` (0-based) of a lesson, its trained models loaded. */
async function atStop(id: string, k: number): Promise<SceneStore> {
  const store = createSceneStore();
  expect(lessonById(id)).toBeDefined();
  expect(goToStop(store, id, k)).toEqual([]);
  for (const pane of store.getState().panes) if (pane.trained) await loadTrainedModel(pane.trained);
  return store;
}

function run(store: SceneStore, id: PaneId = 'A'): OkPaneRun {
  const { panes, input } = store.getState();
  const result = paneRunOf(
    panes.find((p) => p.id === id)!,
    input,
  );
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Quantity `name` of layer 0 at 1-based step t for the scene's selected unit. */
function at(store: SceneStore, r: OkPaneRun, name: string, t: number): number {
  return r.trace.layers[0]!.gates[name]![t - 1]![store.getState().unit]!;
}

/** P(class) of a classifier's read-out at 1-based step t. */
const probability = (r: OkPaneRun, t: number, k: number) => r.readout!.probabilities![t - 1]![k]!;

describe('the lessons’ claims hold for the shipped models', () => {
  it('conveyor belt: f stays near 1 and the held unit ends with opposite signs for ±1', async () => {
    const plus = await atStop('conveyor-belt', 2);
    const r = run(plus);
    expect(r.sequence.tokens[0]).toBe('+1');
    for (let t = 2; t <= 50; t++) expect(at(plus, r, 'f', t)).toBeGreaterThan(0.9);
    const minus = await atStop('conveyor-belt', 4);
    const m = run(minus);
    expect(m.sequence.tokens[0]).toBe('−1');
    expect(Math.sign(at(plus, r, 'c', 50))).toBe(-Math.sign(at(minus, m, 'c', 50)));
    expect(r.readout!.correct[49]).toBe(true);
    expect(m.readout!.correct[49]).toBe(true);
  });

  it('why RNNs forget: at length 50 the RNN answers like a coin, the LSTM surely', async () => {
    const store = await atStop('why-rnns-forget', 1);
    const rnn = run(store, 'A');
    const lstm = run(store, 'B');
    expect(Math.abs(probability(rnn, 50, 1) - 0.5)).toBeLessThan(0.1);
    expect(Math.max(probability(lstm, 50, 0), probability(lstm, 50, 1))).toBeGreaterThan(0.95);
    expect(rnn.trained!.file.metrics.accuracy).toBeLessThan(0.6);
    expect(jacobianNormsOf(rnn, 0)[0]!).toBeLessThan(jacobianNormsOf(lstm, 0)[0]!);
    const short = await atStop('why-rnns-forget', 3);
    expect(run(short, 'A').trained!.file.metrics.accuracy).toBeGreaterThan(0.95);
  });

  it('exploding gradients: scale 0.5 vanishes, scale 3 explodes', async () => {
    const norm = async (k: number) =>
      jacobianNormsOf(run(await atStop('exploding-gradients', k)), 0)[0]!;
    expect(await norm(1)).toBeLessThan(1e-8);
    expect(await norm(2)).toBeGreaterThan(1e3);
    expect(await norm(0)).toBeLessThan(1);
  });

  it('write and show: the input gate opens at the two marked steps and shuts between', async () => {
    const store = await atStop('write-and-show', 0);
    const r = run(store);
    const marked = r.sequence.xs.flatMap((x, t) => (x[1] === 1 ? [t + 1] : []));
    expect(marked).toEqual([11, 38]);
    expect(at(store, r, 'i', 11)).toBeGreaterThan(0.5);
    expect(at(store, r, 'i', 38)).toBeGreaterThan(0.5);
    expect(at(store, r, 'i', 12)).toBeLessThan(0.2);
    const target = r.readout!.targets[49]![0]!;
    expect(target).toBeCloseTo(1.57, 2);
  });

  it('GRU vs LSTM: both hold the bit; the GRU has fewer parameters', async () => {
    const store = await atStop('gru-simplified', 2);
    expect(run(store, 'A').readout!.correct[49]).toBe(true);
    expect(run(store, 'B').readout!.correct[49]).toBe(true);
    const count = (r: OkPaneRun) =>
      r.model.layers.reduce((n, l) => n + l.W_ih.length + l.W_hh.length + 2 * l.b_ih.length, 0);
    expect(count(run(store, 'B'))).toBeLessThan(count(run(store, 'A')));
  });

  it('LSTM costs: a forget-gate bias of 2 carries the gradient further than 0', async () => {
    const norm = async (k: number) => jacobianNormsOf(run(await atStop('lstm-costs', k)), 0)[0]!;
    expect(await norm(2)).toBeGreaterThan(100 * (await norm(1)));
  });
});
