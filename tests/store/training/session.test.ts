/**
 * The worker's training session, driven without a worker: it must train exactly as the
 * engine's Trainer does on the same seed (it only drives it), pause, step once, resume and
 * cancel on request, stop at the target or the budget with a message, and stop with the
 * last good weights when the loss becomes NaN.
 */
import { describe, expect, it } from 'vitest';
import {
  initParams,
  makeTask,
  numbersTask,
  Random,
  Trainer,
  type ModelSpec,
  type Task,
} from '../../../src/engine';
import type { TrainProgress, TrainSettings } from '../../../src/store/training/protocol';
import { isSnapshotStep, TrainingSession } from '../../../src/store/training/session';
import { SMALL_SETTINGS } from './smallSettings';

const SETTINGS = SMALL_SETTINGS;

const spec = (cell: ModelSpec['cell']): ModelSpec => ({
  cell,
  inputSize: 1,
  hiddenSize: 4,
  numLayers: 1,
});

/** The engine Trainer a session of SETTINGS runs for a pane of `cell` (weights from seed 5). */
function trainerLike(cell: ModelSpec['cell'], task: Task): Trainer {
  return new Trainer(spec(cell), task, {
    seed: 3,
    batchSize: 8,
    learningRate: 0.01,
    clipNorm: 1,
    initialParams: initParams(spec(cell), { seed: 5 }),
  });
}

/** A session of the given panes, paused at step 0, with every report kept. */
function paused(settings: TrainSettings, cells: ModelSpec['cell'][] = ['lstm']) {
  const reports: TrainProgress[] = [];
  let clock = 0;
  const session = new TrainingSession(
    {
      settings,
      panes: cells.map((cell, k) => ({
        pane: 'ABC'[k]!,
        spec: spec(cell),
        initialParams: initParams(spec(cell), { seed: 5 }),
      })),
    },
    (p) => reports.push(p),
    () => (clock += 1),
  );
  session.control('pause');
  return { session, reports };
}

describe('a training session', () => {
  it('trains exactly as the engine Trainer on the same seed: the same losses and weights', () => {
    const { session, reports } = paused(SETTINGS);
    for (let k = 0; k < 12; k++) session.control('step');
    const task = makeTask('remember-first', { length: 8 });
    const trainer = trainerLike('lstm', task);
    const losses = Array.from({ length: 12 }, () => trainer.step());
    const reported = reports.flatMap((r) => r.panes[0]!.losses.map(([, l]) => l));
    expect(reported).toEqual(losses);
    const last = reports.at(-1)!;
    expect(last.step).toBe(12);
    expect(last.state).toBe('paused');
    const { params, head } = trainer.snapshot();
    expect(last.panes[0]!.latest.params).toEqual({ ...params, ...head });
  });

  it('pause stops the steps; Step takes exactly one; resume runs again; cancel ends it', () => {
    const { session, reports } = paused(SETTINGS);
    session.runSlice(50);
    expect(session.step).toBe(0);
    session.control('step');
    expect(session.step).toBe(1);
    expect(reports.at(-1)!.state).toBe('paused');
    session.control('resume');
    session.runSlice(60);
    const ran = session.step;
    expect(ran).toBeGreaterThan(1);
    expect(reports.at(-1)!.state).toBe('running');
    session.control('cancel');
    expect(reports.at(-1)!.state).toBe('cancelled');
    session.control('resume');
    session.runSlice(60);
    session.control('step');
    expect(session.step).toBe(ran);
  });

  it('ends on its own at the target accuracy, saying when it got there', () => {
    const { session, reports } = paused({ ...SETTINGS, targetAccuracy: 0.6 });
    session.control('resume');
    for (let k = 0; k < 200 && session.current === 'running'; k++) session.runSlice(30);
    const last = reports.at(-1)!;
    expect(last.state).toBe('done');
    const reachedAt = last.panes[0]!.reachedAt!;
    expect(last.message).toBe(`Reached 60% held-out accuracy at step ${reachedAt}.`);
    // The score that reached it is among the reports, at that step.
    const scores = reports.flatMap((r) => r.panes[0]!.heldOut);
    expect(scores.find((h) => h.step === reachedAt)!.accuracy).toBeGreaterThanOrEqual(0.6);
    expect(scores.filter((h) => h.step < reachedAt).every((h) => h.accuracy < 0.6)).toBe(true);
  });

  it('ends at the step budget, saying the target was not reached', () => {
    const { session, reports } = paused({ ...SETTINGS, maxSteps: 5 });
    session.control('resume');
    for (let k = 0; k < 50 && session.current === 'running'; k++) session.runSlice(30);
    expect(session.step).toBe(5);
    expect(reports.at(-1)!.message).toMatch(/step budget, 5 steps; the model has not reached 100%/);
    // The final weights are the scrubber's last position.
    const snapshots = reports.flatMap((r) => r.panes[0]!.snapshots.map((w) => w.step));
    expect(snapshots.at(-1)).toBe(5);
  });

  it('a loss that becomes NaN stops it with a message and the last good weights', () => {
    const { session, reports } = paused({ ...SETTINGS, learningRate: 1.7e307, clipNorm: 1000 });
    for (let k = 0; k < 400 && session.current === 'paused'; k++) session.control('step');
    expect(session.current).toBe('failed');
    const last = reports.at(-1)!;
    expect(last.state).toBe('failed');
    expect(last.message).toMatch(/^Model A at step \d+: /);
    for (const value of Object.values(last.panes[0]!.latest.params).flat(2)) {
      expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('a race trains every pane on the same batches', () => {
    const { session, reports } = paused(SETTINGS, ['lstm', 'lstm', 'gru']);
    for (let k = 0; k < 5; k++) session.control('step');
    const lossesOf = (pane: number) =>
      reports.flatMap((r) => r.panes[pane]!.losses.map(([, l]) => l));
    // Same model and start, same batches: the same curve; another cell: another curve.
    expect(lossesOf(1)).toEqual(lossesOf(0));
    expect(lossesOf(2)).not.toEqual(lossesOf(0));
  });
});

describe('a session on the user’s numbers', () => {
  // y is x two rows back: the model reads x and predicts y.
  const rng = new Random(4);
  const x = Array.from({ length: 60 }, () => rng.uniform(-1, 1));
  const numbers = { columns: ['x', 'y'], rows: x.map((v, t) => [v, x[t - 2] ?? 0]) };
  const settings: TrainSettings = { ...SETTINGS, task: 'numbers', targets: [1], warmup: 2 };
  const one = (pane: ModelSpec) => ({
    pane: 'A',
    spec: pane,
    initialParams: initParams(pane, { seed: 5 }),
  });

  it('trains and scores as a Trainer on the table: held-out scores from the last rows', () => {
    const reports: TrainProgress[] = [];
    const session = new TrainingSession(
      { settings, numbers, panes: [one(spec('gru'))] },
      (p) => reports.push(p),
      () => 0,
    );
    session.control('pause');
    for (let k = 0; k < 3; k++) session.control('step');
    const task = numbersTask({ ...numbers, targets: [1] }, { length: 8, warmup: 2 });
    const trainer = trainerLike('gru', task);
    const scoreAt0 = trainer.evaluate(256);
    const losses = Array.from({ length: 3 }, () => trainer.step());
    expect(reports.flatMap((r) => r.panes[0]!.losses.map(([, l]) => l))).toEqual(losses);
    const scores = reports.flatMap((r) => r.panes[0]!.heldOut);
    expect(scores[0]).toEqual({ step: 0, ...scoreAt0 });
  });

  it('refuses to start without numbers, or with every column a target, saying why', () => {
    const start = (s: TrainSettings, withNumbers: boolean) =>
      new TrainingSession(
        { settings: s, ...(withNumbers ? { numbers } : {}), panes: [one(spec('gru'))] },
        () => undefined,
      );
    expect(() => start(settings, false)).toThrow(/no numbers to train on/);
    expect(() => start({ ...settings, targets: [0, 1] }, true)).toThrow(/Every column is a target/);
  });
});

describe('snapshot steps', () => {
  it('are 0, 1, 2, 3, 4, 6, 8, 12, 16, …: two per doubling, so few are kept', () => {
    const kept = Array.from({ length: 100_001 }, (_, s) => s).filter(isSnapshotStep);
    expect(kept.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 6, 8, 12, 16, 24]);
    expect(kept.length).toBeLessThanOrEqual(2 * Math.log2(100_000) + 2);
  });
});
