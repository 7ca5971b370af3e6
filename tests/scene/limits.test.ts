import { describe, expect, it } from 'vitest';
import { MAX_LAYERS, parameterCount } from '../../src/engine';
import { checkRange, LIMITS, UI_MAX_LAYERS } from '../../src/scene';

describe('the scene limits', () => {
  it('offer at most the layers the engine builds', () => {
    expect(LIMITS.numLayers.max).toBe(UI_MAX_LAYERS);
    expect(UI_MAX_LAYERS).toBeLessThanOrEqual(MAX_LAYERS);
    const spec = { cell: 'lstm', inputSize: 1, hiddenSize: LIMITS.hiddenSize.max } as const;
    expect(parameterCount({ ...spec, numLayers: UI_MAX_LAYERS })).toBeGreaterThan(0);
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
