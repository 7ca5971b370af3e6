import { describe, expect, it } from 'vitest';
import {
  GATE_BLOCKS,
  MAX_HIDDEN_SIZE,
  MAX_INPUT_SIZE,
  MAX_LAYERS,
  MAX_STEPS,
  MAX_TRACE_VALUES,
  parameterCount,
} from '../../src/engine';
import { checkRange, LIMITS, UI_MAX_LAYERS } from '../../src/scene';

describe('the scene limits', () => {
  it('offer at most the layers the engine builds', () => {
    expect(LIMITS.numLayers.max).toBe(UI_MAX_LAYERS);
    expect(UI_MAX_LAYERS).toBeLessThanOrEqual(MAX_LAYERS);
    const spec = { cell: 'lstm', inputSize: 1, hiddenSize: LIMITS.hiddenSize.max } as const;
    expect(parameterCount({ ...spec, numLayers: UI_MAX_LAYERS })).toBeGreaterThan(0);
  });

  it('stay below every engine limit, so nothing the controls accept is refused by the engine', () => {
    expect(LIMITS.hiddenSize.max).toBeLessThanOrEqual(MAX_HIDDEN_SIZE);
    expect(LIMITS.sequenceLength.max).toBeLessThanOrEqual(MAX_STEPS);
    expect(LIMITS.textLength.max).toBeLessThanOrEqual(MAX_STEPS);
    // A text's features are its distinct characters: at most one per character.
    expect(LIMITS.textLength.max).toBeLessThanOrEqual(MAX_INPUT_SIZE);
    const T = Math.max(LIMITS.sequenceLength.max, LIMITS.textLength.max);
    const widest = UI_MAX_LAYERS * GATE_BLOCKS.lstm * LIMITS.hiddenSize.max;
    expect(T * widest).toBeLessThanOrEqual(MAX_TRACE_VALUES);
    // The largest model the page builds: an LSTM reading the longest text's alphabet.
    const largest = {
      cell: 'lstm',
      inputSize: LIMITS.textLength.max,
      hiddenSize: LIMITS.hiddenSize.max,
      numLayers: UI_MAX_LAYERS,
    } as const;
    expect(parameterCount(largest)).toBeGreaterThan(0);
  });

  it('are inclusive ranges, and checkRange says why a value is refused', () => {
    for (const [name, { min, max }] of Object.entries(LIMITS)) {
      expect(min, name).toBeLessThanOrEqual(max);
    }
    expect(checkRange('Layers', UI_MAX_LAYERS, LIMITS.numLayers, true)).toBeNull();
    expect(checkRange('Layers', UI_MAX_LAYERS + 1, LIMITS.numLayers, true)).toBe(
      `Layers must be from 1 to ${UI_MAX_LAYERS}; kept the previous value.`,
    );
    expect(checkRange('Layers', 1.5, LIMITS.numLayers, true)).toBe(
      'Layers must be a whole number.',
    );
  });
});
