/**
 * The worker's loop around a training session, run here on Node's event loop (one thread,
 * as in the worker): it takes training steps between turns of the event loop, takes none
 * while it stands aside for the user's stepping (so that a held key has the cores), then
 * goes on by itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initParams, type ModelSpec } from '../../../src/engine';
import { STAND_ASIDE_MS, type TrainSettings } from '../../../src/store/training/protocol';
import {
  controlTraining,
  startTraining,
  trainingStepNow,
} from '../../../src/store/training/workerSide';
import { SMALL_SETTINGS } from './smallSettings';

const SETTINGS: TrainSettings = {
  ...SMALL_SETTINGS,
  // Parity with two units: far from 100% for as long as the test runs, so it never ends.
  task: 'parity',
  maxSteps: 1_000_000,
};
const SPEC: ModelSpec = { cell: 'rnn', inputSize: 1, hiddenSize: 2, numLayers: 1 };

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Waits (up to 10 s) until the session has passed `step`. */
async function past(step: number): Promise<void> {
  const until = performance.now() + 10_000;
  while ((trainingStepNow() ?? 0) <= step && performance.now() < until) await tick();
}

afterEach(() => controlTraining('cancel'));

describe('the worker’s training loop', () => {
  it('trains between turns of the event loop, and stands aside while the user steps', async () => {
    const states: string[] = [];
    startTraining(
      1,
      {
        settings: SETTINGS,
        panes: [{ pane: 'A', spec: SPEC, initialParams: initParams(SPEC, { seed: 1 }) }],
      },
      (_, progress) => states.push(progress.state),
    );
    await past(0);
    expect(trainingStepNow()).toBeGreaterThan(0);

    // Between two turns of the loop no slice runs: the step now is where it stands aside.
    controlTraining('stand-aside');
    const asideAt = performance.now();
    const aside = trainingStepNow();
    const seen: number[] = [];
    while (performance.now() - asideAt < STAND_ASIDE_MS - 20) {
      seen.push(trainingStepNow()!);
      await tick();
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set([aside]));

    await past(aside!);
    expect(states).not.toContain('done');
    expect(trainingStepNow()).toBeGreaterThan(aside!);
  });
});
