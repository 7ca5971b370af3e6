/**
 * A pane with interventions shows its original run's gradient beside the changed run's:
 * the original is the un-intervened model's ‖∂h_T/∂h_t‖, and the changed one is cut where
 * h is clamped (no gradient flows through a clamped value).
 */
import { describe, expect, it } from 'vitest';
import { forward, jacobianNorms } from '../../../src/engine';
import { defaultPane, DEFAULT_INPUT, type InputSettings } from '../../../src/scene';
import { modelOf, sequenceOf } from '../../../src/store';
import { paneGradientsOf } from '../../../src/views/gradients/useGradients';

describe('the gradient of a pane with interventions', () => {
  it('comes with the original run’s, and the changed one is cut at a clamped state', () => {
    const input: InputSettings = { ...DEFAULT_INPUT, kind: 'noise', length: 12, seed: 4 };
    const plain = { ...defaultPane('A', 'rnn'), hiddenSize: 4 };
    const pane = {
      ...plain,
      interventions: [{ layer: 0, gate: 'h', from: 5, to: 5, value: 0 }],
    };
    const sequence = sequenceOf(input);
    const model = modelOf(plain, sequence.inputSize);
    const expected = jacobianNorms(model, forward(model, sequence.xs), 0);
    const g = paneGradientsOf(pane, input, 0, 0);
    expect(g.originalNorms).not.toBeNull();
    expect([...g.originalNorms!]).toEqual([...expected]);
    // h_6 (index 5) clamped for every unit: nothing before it reaches h_T.
    expect(g.norms!.slice(0, 6).every((n) => n === 0)).toBe(true);
    // After it the gradient flows again (through a run that differs from the original).
    expect(g.norms!.slice(6).every((n) => n > 0)).toBe(true);
    expect([...g.norms!]).not.toEqual([...expected]);
    expect(paneGradientsOf(plain, input, 0, 0).originalNorms).toBeNull();
  });
});
