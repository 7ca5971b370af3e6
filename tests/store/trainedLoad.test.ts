import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTrainedModel, retryTrainedModel, type SceneStore } from '../../src/store';
import { validFile } from '../io/modelFixtures';
import { chooseFixtureForA, FIXTURE_ID as ID, runOfA, storeServing } from './trainedSupport';

let store: SceneStore;
/** How the next request for the model's file is answered. */
let answer: () => Promise<unknown>;

beforeEach(() => {
  answer = async () => structuredClone(validFile());
  store = storeServing(() => answer());
});

afterEach(() => {
  vi.useRealTimers();
});

const runA = () => runOfA(store);

const openModel = () => chooseFixtureForA(store);

describe('loading a trained model never waits for good', () => {
  it('times out with a message, offers Retry, and Retry loads the model', async () => {
    vi.useFakeTimers();
    answer = () => new Promise(() => {}); // never answers
    openModel();
    const settled = loadTrainedModel(ID, { timeoutMs: 5000 });
    expect(runA()).toMatchObject({ ok: false, loading: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await settled).toMatchObject({ state: 'error', retry: true });
    const failed = runA();
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error).toBe(
      `Could not load the trained model “${ID}”: no answer within 5 s; check the connection and retry.`,
    );
    expect(failed.fixes).toEqual([{ kind: 'retry', id: ID }, { kind: 'random-weights' }]);

    answer = async () => structuredClone(validFile());
    const retried = retryTrainedModel(ID);
    expect(runA()).toMatchObject({ ok: false, loading: true });
    expect(await retried).toMatchObject({ state: 'ready' });
    expect(runA().ok).toBe(true);
  });

  it('refuses another model served in its place, without a retry', async () => {
    answer = async () => ({ ...structuredClone(validFile()), id: 'remember-first-5-gru' });
    openModel();
    expect(await loadTrainedModel(ID)).toMatchObject({ state: 'error', retry: false });
    const failed = runA();
    expect(!failed.ok && failed.error).toMatch(
      /^Could not load the trained model “remember-first-5-lstm”: not a valid model file: .*this file is model "remember-first-5-gru", not the "remember-first-5-lstm" that was asked for\.$/,
    );
    expect(!failed.ok && failed.fixes).toEqual([{ kind: 'random-weights' }]);
  });
});
