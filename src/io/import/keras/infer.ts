/**
 * The layers of a Keras `save_weights()` .h5, which records no architecture: each layer's
 * class is inferred from its weights' names and shapes (a recurrent kernel [H][G·H] gives
 * G = 4 LSTM, 3 GRU, 1 SimpleRNN; forward_/backward_ groups a Bidirectional), and
 * everything the weights cannot tell is left to the converter's defaults, marked assumed.
 */
import { ImportError } from '../types';
import { WEIGHTLESS } from './stack';
import type { KerasLayer, Tensor } from './types';

const CLASS_OF_G: Readonly<Record<number, string>> = { 4: 'LSTM', 3: 'GRU', 1: 'SimpleRNN' };

const leaf = (t: Tensor): string => (t.name.split('/').pop() ?? '').replace(/:\d+$/, '');

/** One layer of a weights-only file, from its name and its weights in the file's order. */
export function inferLayer(name: string, weights: readonly Tensor[], fileName: string): KerasLayer {
  const base = { name, inbound: null, weights } as const;
  if (weights.length === 0) return { ...base, className: WEIGHTLESS, config: {} };
  const leaves = weights.map(leaf);
  if (weights.length === 1 && leaves[0] === 'embeddings')
    return { ...base, className: 'Embedding', config: {} };
  const recurrent = weights.find((t) => leaf(t) === 'recurrent_kernel');
  const kernel = weights.find((t) => leaf(t) === 'kernel');
  if (recurrent && kernel) {
    const H = recurrent.shape[0] ?? 0;
    const G = H > 0 ? (recurrent.shape[1] ?? 0) / H : 0;
    const className = CLASS_OF_G[G];
    if (!className || recurrent.shape.length !== 2) {
      throw new ImportError(
        `${fileName}: layer '${name}' has a recurrent kernel of shape [${recurrent.shape.join(', ')}], which is no LSTM, GRU or SimpleRNN; the file has no architecture to say what it is.`,
      );
    }
    const bias = weights.find((t) => leaf(t) === 'bias');
    const cellConfig = {
      units: H,
      ...(className === 'GRU' && bias ? { reset_after: bias.shape.length === 2 } : {}),
    };
    const directions = new Set(
      weights.map(
        (t) =>
          t.name
            .split('/')
            .find((p) => /^(forward|backward)_/.test(p))
            ?.split('_')[0],
      ),
    );
    if (directions.has('forward') && directions.has('backward')) {
      return {
        ...base,
        className: 'Bidirectional',
        config: { merge_mode: 'concat', layer: { class_name: className, config: cellConfig } },
      };
    }
    return { ...base, className, config: cellConfig };
  }
  if (kernel && kernel.shape.length === 2) return { ...base, className: 'Dense', config: {} };
  return { ...base, className: `(layer with ${leaves.join(', ')})`, config: {} };
}
