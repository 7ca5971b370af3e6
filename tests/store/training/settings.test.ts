import { describe, expect, it } from 'vitest';
import { createSceneStore } from '../../../src/store';
import { DEFAULT_TRAIN_SETTINGS } from '../../../src/store/trainingSlice';

describe('training settings', () => {
  it('take valid values and refuse others with the field named, keeping the previous value', () => {
    const store = createSceneStore();
    const { setTrainSettings } = store.getState();
    expect(setTrainSettings({ learningRate: 0.003, batchSize: 64 })).toBeNull();
    expect(store.getState().trainSettings).toMatchObject({ learningRate: 0.003, batchSize: 64 });
    expect(setTrainSettings({ learningRate: 0 })).toMatch(/^Learning rate/);
    expect(setTrainSettings({ batchSize: 2.5 })).toMatch(/^Batch size must be a whole number/);
    expect(setTrainSettings({ maxSteps: Number.NaN })).toMatch(/^Step budget must be a number/);
    // remember-first accepts T in 5–100: a length the task cannot draw is refused.
    expect(setTrainSettings({ length: 400 })).toMatch(/^Sequence length/);
    expect(store.getState().trainSettings).toEqual({
      ...DEFAULT_TRAIN_SETTINGS,
      learningRate: 0.003,
      batchSize: 64,
    });
  });
});
