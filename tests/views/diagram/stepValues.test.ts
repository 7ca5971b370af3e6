// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildSequence } from '../../../src/scene';
import { defaultPane } from '../../../src/scene';
import { stepValues } from '../../../src/views/diagram/stepValues';
import { traceOf } from './support';

const text = 'abcab';
const sequence = buildSequence({
  kind: 'text',
  text,
  length: 5,
  seed: 0,
  task: 'remember-first',
  numbers: '1',
});

describe('stepValues', () => {
  it('reads step t, with h_{t−1} and c_{t−1} from step t−1', () => {
    const trace = traceOf({ ...defaultPane('A'), hiddenSize: 3 }, text);
    const v = stepValues(trace, sequence, 0, 3, true);
    const gates = trace.layers[0]!.gates;
    expect(v.t).toBe(3);
    expect(v.H).toBe(3);
    expect(Array.from(v.rows.f!)).toEqual(Array.from(gates.f![2]!));
    expect(Array.from(v.prevH)).toEqual(Array.from(gates.h![1]!));
    expect(Array.from(v.prevC)).toEqual(Array.from(gates.c![1]!));
    expect(v.xLabel).toBe('‘c’');
    expect(Array.from(v.x)).toEqual(sequence.xs[2]);
  });

  it('uses a zero state at t = 1 and clamps t and the layer', () => {
    const trace = traceOf({ ...defaultPane('A'), hiddenSize: 2, numLayers: 2 }, text);
    const first = stepValues(trace, sequence, 0, 1);
    expect(Array.from(first.prevH)).toEqual([0, 0]);
    expect(Array.from(first.prevC)).toEqual([0, 0]);
    const clamped = stepValues(trace, sequence, 7, 99);
    expect(clamped.t).toBe(5);
    expect(clamped.layer).toBe(1);
    // Above layer 0, x_t is the layer below's h_t.
    expect(Array.from(clamped.x)).toEqual(Array.from(trace.layers[0]!.gates.h![4]!));
    expect(clamped.xLabel).toBe('h_{t} of layer 1');
  });
});
