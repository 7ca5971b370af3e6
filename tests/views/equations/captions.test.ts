import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { FullModelSpec } from '../../../src/engine';
import {
  captionOf,
  concatDefinition,
  conventionTitle,
} from '../../../src/views/equations/captions';

const spec = (cell: FullModelSpec['cell'], extra: Partial<FullModelSpec> = {}): FullModelSpec => ({
  cell,
  inputSize: 1,
  hiddenSize: 1,
  numLayers: 1,
  nonlinearity: 'tanh',
  convention: 'pytorch',
  bidirectional: false,
  projSize: 0,
  recurrentActivation: 'sigmoid',
  ...extra,
});

describe('captions', () => {
  it('the concat definitions typeset', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      katex.renderToString(concatDefinition(cell), { throwOnError: true, trust: false });
    }
  });

  it('LSTM rows follow the naming toggle', () => {
    expect(captionOf(spec('lstm'), 'f', 'standard')).toBe('forget gate');
    expect(captionOf(spec('lstm'), 'c', 'lfru')).toMatch(/^remember gate/);
    expect(captionOf(spec('lstm'), 'o', 'lfru')).toMatch(/^use gate/);
    expect(captionOf(spec('lstm'), 'i', 'lfru')).toMatch(/^learn gate/);
  });

  it('GRU and RNN rows name their convention and activation', () => {
    expect(captionOf(spec('gru', { convention: 'classic' }), 'n', 'standard')).toBe('candidate h̃');
    expect(captionOf(spec('gru'), 'n', 'standard')).toBe('candidate n');
    expect(captionOf(spec('rnn', { nonlinearity: 'relu' }), 'h', 'standard')).toBe(
      'hidden state (relu)',
    );
    expect(conventionTitle('pytorch')).toBe('PyTorch convention');
    expect(conventionTitle('classic')).toBe('Classic (Cho 2014) convention');
  });
});
