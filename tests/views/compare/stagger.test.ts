import { describe, expect, it } from 'vitest';
import { defaultPane, DEFAULT_INPUT, LIMITS } from '../../../src/scene';
import { rendersOneByOne } from '../../../src/views/compare/stagger';

describe('compare mode renders large panes one per task', () => {
  it('renders small models at once (a shared link shows its scene a task sooner)', () => {
    const panes = [defaultPane('A'), defaultPane('B', 'gru'), defaultPane('C', 'rnn')];
    expect(rendersOneByOne({ panes, input: DEFAULT_INPUT })).toBe(false);
  });

  it('renders the largest scene the controls accept one pane per task', () => {
    const big = { hiddenSize: LIMITS.hiddenSize.max, numLayers: LIMITS.numLayers.max };
    const panes = (['A', 'B', 'C'] as const).map((id) => ({ ...defaultPane(id), ...big }));
    const input = { ...DEFAULT_INPUT, kind: 'noise' as const, length: LIMITS.sequenceLength.max };
    expect(rendersOneByOne({ panes, input })).toBe(true);
    // One such pane is enough: the others would wait behind it.
    expect(rendersOneByOne({ panes: [defaultPane('A'), panes[1]!], input })).toBe(true);
    // The same models on a short input build quickly: all at once.
    expect(rendersOneByOne({ panes, input: { ...input, length: 20 } })).toBe(false);
  });
});
