/**
 * One Keras recurrent layer (LSTM, GRU, SimpleRNN, or a Bidirectional of one) converted
 * exactly into the engine's PyTorch layout, with what was done said in words. Anything
 * that has no exact PyTorch-layout equivalent is refused with the reason.
 */
import type { CellType, ModelSpec } from '../../../engine';
import { ImportError } from '../types';
import { isRecord } from './config';
import { allFinite, type KerasLayer, type KerasSource, type Tensor } from './types';

/** The gates' activation of an LSTM or GRU. */
type RecurrentActivation = NonNullable<ModelSpec['recurrentActivation']>;

/** One direction's parameters in PyTorch layout: [G·H][in], [G·H][H], [G·H], [G·H]. */
export interface DirectionParams {
  weight_ih: number[][];
  weight_hh: number[][];
  bias_ih: number[];
  bias_hh: number[];
}

/** A converted layer: its cell options, sizes, and parameters per direction. */
export interface RecurrentLayer {
  readonly name: string;
  readonly cell: CellType;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly nonlinearity?: 'tanh' | 'relu';
  readonly convention?: 'pytorch' | 'classic';
  readonly recurrentActivation?: RecurrentActivation;
  readonly bidirectional: boolean;
  readonly goBackwards: boolean;
  readonly returnSequences: boolean;
  /** [forward] or [forward, backward]. */
  readonly directions: readonly DirectionParams[];
  /** What was converted, in words. */
  readonly note: string;
  /** Spec fields the file does not record (a `save_weights()` file). */
  readonly assumed: readonly (keyof ModelSpec)[];
}

/** Keras classes converted here. */
const CELLS: Readonly<Record<string, { cell: CellType; G: number }>> = {
  LSTM: { cell: 'lstm', G: 4 },
  GRU: { cell: 'gru', G: 3 },
  SimpleRNN: { cell: 'rnn', G: 1 },
};

/** Recurrent Keras classes the importer knows it cannot convert, and why. */
const REFUSED: Readonly<Record<string, string>> = {
  CuDNNLSTM: 'CuDNNLSTM layers are not read yet (re-save the model with a plain LSTM layer)',
  CuDNNGRU: 'CuDNNGRU layers are not read yet (re-save the model with a plain GRU layer)',
  RNN: 'a generic RNN wrapper around a custom cell has no fixed equations',
  ConvLSTM1D: 'convolutional LSTMs are not recurrent layers the engine runs',
  ConvLSTM2D: 'convolutional LSTMs are not recurrent layers the engine runs',
  ConvLSTM3D: 'convolutional LSTMs are not recurrent layers the engine runs',
};

/** Whether a layer is one the importer converts or must refuse (i.e. it is recurrent). */
export function isRecurrentClass(className: string): boolean {
  return className in CELLS || className === 'Bidirectional' || className in REFUSED;
}

/** A Keras activation setting as a name ('tanh'), from a string or a Keras 3 object. */
function activationName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && isRecord(value.config) && typeof value.config.name === 'string') {
    return value.config.name;
  }
  if (isRecord(value) && typeof value.class_name === 'string') return value.class_name;
  return undefined;
}

/** True when a "major.minor" version is below `major.minor`. */
function versionBelow(version: string, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  return Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor);
}

/** The kernel, recurrent kernel and bias of one direction, by name when names say so. */
function pickWeights(weights: readonly Tensor[]): [Tensor, Tensor, Tensor | undefined] {
  const leaf = (t: Tensor): string => (t.name.split('/').pop() ?? '').replace(/:\d+$/, '');
  const byLeaf = new Map(weights.map((t) => [leaf(t), t]));
  if (
    byLeaf.has('kernel') &&
    byLeaf.has('recurrent_kernel') &&
    byLeaf.size === weights.length &&
    (weights.length === 2 || byLeaf.has('bias'))
  ) {
    return [
      byLeaf.get('kernel') as Tensor,
      byLeaf.get('recurrent_kernel') as Tensor,
      byLeaf.get('bias'),
    ];
  }
  return [weights[0] as Tensor, weights[1] as Tensor, weights[2]];
}

/**
 * The activation of an LSTM's or GRU's gates: sigmoid, or hard_sigmoid as the file's Keras
 * defines it (Keras 2 and TF.js: clip(0.2·a + 0.5); Keras 3: clip(a/6 + 0.5)). When the
 * config does not say, the default of the file's Keras version, marked assumed.
 */
function gateActivation(
  config: Readonly<Record<string, unknown>>,
  source: KerasSource,
  refuse: (why: string) => never,
): { value: RecurrentActivation; words: string; assumed: boolean } {
  const oldDefault = source.kerasMajor === 2 && versionBelow(source.kerasVersion, 2, 3);
  const named = activationName(config.recurrent_activation);
  const ra = named ?? (oldDefault ? 'hard_sigmoid' : 'sigmoid');
  const unsaid =
    named === undefined
      ? ` (not in the file: Keras ${source.kerasVersion || '?'}'s default assumed)`
      : '';
  if (ra === 'sigmoid') {
    return { value: 'sigmoid', words: `recurrent activation sigmoid${unsaid}`, assumed: !named };
  }
  if (ra !== 'hard_sigmoid')
    return refuse(`recurrent_activation '${ra}' (read: sigmoid, hard_sigmoid)`);
  return source.kerasMajor === 3
    ? {
        value: 'hard_sigmoid_keras3',
        words: `recurrent activation hard_sigmoid as Keras 3 defines it, clip(a/6 + 0.5, 0, 1)${unsaid}`,
        assumed: !named,
      }
    : {
        value: 'hard_sigmoid_keras2',
        words: `recurrent activation hard_sigmoid as Keras 2 and TF.js define it, clip(0.2·a + 0.5, 0, 1)${unsaid}`,
        assumed: !named,
      };
}

/**
 * Converts one Keras recurrent layer. `source` gives the Keras version (for the hard
 * sigmoid and old defaults) and whether the layer's config is the file's or inferred.
 */
export function convertRecurrent(layer: KerasLayer, source: KerasSource): RecurrentLayer {
  const where = `${source.fileName}: layer '${layer.name}' (${layer.className})`;
  const refuse = (why: string): never => {
    throw new ImportError(`${where}: ${why}.`);
  };
  if (layer.className in REFUSED) return refuse(REFUSED[layer.className] as string);
  const bidirectional = layer.className === 'Bidirectional';
  let className = layer.className;
  let config = layer.config;
  if (bidirectional) {
    const inner = config.layer;
    if (!isRecord(inner) || typeof inner.class_name !== 'string') {
      return refuse('a Bidirectional wrapper without the layer it wraps in its config');
    }
    const mode = config.merge_mode ?? 'concat';
    if (mode !== 'concat') {
      return refuse(
        `merge_mode '${String(mode)}' combines the two directions into one vector that PyTorch's bidirectional layout cannot hold; only 'concat' is read`,
      );
    }
    const back = config.backward_layer;
    className = inner.class_name;
    config = isRecord(inner.config) ? inner.config : {};
    if (isRecord(back) && isRecord(back.config)) {
      for (const key of [
        'activation',
        'recurrent_activation',
        'reset_after',
        'units',
        'use_bias',
      ]) {
        if (JSON.stringify(back.config[key]) !== JSON.stringify(config[key])) {
          return refuse(`its backward layer differs from the forward one in ${key}`);
        }
      }
    }
    if (config.go_backwards === true) return refuse('go_backwards=True inside Bidirectional');
  }
  const kind = CELLS[className];
  if (!kind)
    return refuse(
      `${className} is not a recurrent layer the importer reads (LSTM, GRU, SimpleRNN)`,
    );
  const { cell, G } = kind;
  const assumed: (keyof ModelSpec)[] = [];

  const activation = activationName(config.activation) ?? 'tanh';
  if (!source.hasConfig && cell === 'rnn') assumed.push('nonlinearity');
  if (cell !== 'rnn' && activation !== 'tanh') {
    return refuse(
      `activation '${activation}' (the engine's ${cell === 'lstm' ? 'LSTM' : 'GRU'} uses tanh)`,
    );
  }
  if (cell === 'rnn' && activation !== 'tanh' && activation !== 'relu') {
    return refuse(`activation '${activation}' (a SimpleRNN is read with tanh or relu)`);
  }

  const gates = cell === 'rnn' ? null : gateActivation(config, source, refuse);
  if (gates?.assumed) assumed.push('recurrentActivation');

  const perDirection = bidirectional ? layer.weights.length / 2 : layer.weights.length;
  if (!Number.isInteger(perDirection) || perDirection < 2 || perDirection > 3) {
    return refuse(
      `expected a kernel, a recurrent kernel and a bias per direction, found ${layer.weights.length} weights`,
    );
  }
  const useBias = perDirection === 3;
  const groups = bidirectional
    ? [layer.weights.slice(0, perDirection), layer.weights.slice(perDirection)]
    : [layer.weights];
  const [k0, r0] = pickWeights(groups[0] as Tensor[]);
  const inputSize = k0.shape[0] ?? 0;
  const hiddenSize = r0.shape[0] ?? 0;
  const units = typeof config.units === 'number' ? config.units : hiddenSize;
  if (units !== hiddenSize)
    return refuse(`config says ${units} units but the recurrent kernel has ${hiddenSize} rows`);

  let resetAfter = false;
  let gruWords = '';
  if (cell === 'gru') {
    const bias = pickWeights(groups[0] as Tensor[])[2];
    const fromShape = bias ? bias.shape.length === 2 : undefined;
    if (typeof config.reset_after === 'boolean') {
      resetAfter = config.reset_after;
      if (fromShape !== undefined && fromShape !== resetAfter) {
        return refuse(
          `config says reset_after=${resetAfter} but the bias has shape [${bias?.shape.join(', ')}]`,
        );
      }
    } else if (fromShape !== undefined) {
      resetAfter = fromShape;
      gruWords = resetAfter
        ? ' (not in the config; the [2][3H] bias says reset_after=True)'
        : ' (predates the reset_after option: reset-before)';
    } else if (!source.hasConfig) {
      return refuse('a GRU without bias and without a config: reset_after cannot be told');
    }
  }

  const directions = groups.map((g, d) =>
    convertDirection(
      g as Tensor[],
      { cell, G, inputSize, hiddenSize, useBias, resetAfter },
      (why) => refuse(`${bidirectional ? (d === 0 ? 'forward ' : 'backward ') : ''}${why}`),
    ),
  );

  const label = bidirectional
    ? `Keras Bidirectional(${className}) '${layer.name}'`
    : `Keras ${className} '${layer.name}'`;
  const parts: string[] = [];
  if (cell === 'lstm')
    parts.push(
      "kernels transposed ([I][4H] → [4H][I]); gate order i, f, c, o is PyTorch's i, f, g, o",
    );
  if (cell === 'gru' && resetAfter) {
    parts.push(
      `reset_after=True${gruWords}: PyTorch's equations; gate order z, r, h mapped to r, z, n; kernels transposed`,
    );
  }
  if (cell === 'gru' && !resetAfter) {
    parts.push(
      `reset_after=False${gruWords}: r is applied before the recurrent matrix (the classic equations), but Keras's z weights the old state (h' = z·h + (1 − z)·h̃), so z's weights and bias are negated: the z shown is 1 − Keras's z (σ(−a) = 1 − σ(a), and the hard sigmoids alike); gate order z, r, h mapped to r, z, n; kernels transposed`,
    );
  }
  if (cell === 'rnn')
    parts.push(
      `activation ${activation}${source.hasConfig ? '' : ' (not in the file: assumed, change it if the model used relu)'}; kernels transposed`,
    );
  if (useBias) {
    parts.push(
      cell === 'gru' && resetAfter
        ? 'bias [2][3H] → bias_ih, bias_hh'
        : 'one bias → bias_ih, bias_hh = 0',
    );
  } else parts.push('no bias (use_bias=False): zeros');
  if (gates) parts.push(gates.words);
  if (bidirectional) parts.push('merge_mode concat: forward → …_l{k}, backward → …_l{k}_reverse');
  const goBackwards = config.go_backwards === true;
  if (goBackwards)
    parts.push(
      'go_backwards=True: it reads its input last step first; feed it the reversed sequence',
    );

  return {
    name: layer.name,
    cell,
    inputSize,
    hiddenSize,
    ...(cell === 'rnn' ? { nonlinearity: activation as 'tanh' | 'relu' } : {}),
    ...(cell === 'gru'
      ? { convention: resetAfter ? ('pytorch' as const) : ('classic' as const) }
      : {}),
    ...(gates ? { recurrentActivation: gates.value } : {}),
    bidirectional,
    goBackwards,
    returnSequences: source.hasConfig ? config.return_sequences === true : true,
    directions,
    note: `${label}: ${parts.join('; ')}.`,
    assumed,
  };
}

interface Layout {
  cell: CellType;
  G: number;
  inputSize: number;
  hiddenSize: number;
  useBias: boolean;
  resetAfter: boolean;
}

/** Keras column block feeding each PyTorch row block: GRU z, r, h → r, z, n. */
const BLOCK_ORDER: Readonly<Record<CellType, readonly number[]>> = {
  lstm: [0, 1, 2, 3],
  gru: [1, 0, 2],
  rnn: [0],
};

/** One direction: checks the shapes, transposes, reorders gates, negates a classic GRU's z. */
function convertDirection(
  weights: Tensor[],
  layout: Layout,
  refuse: (why: string) => never,
): DirectionParams {
  const { cell, G, inputSize: I, hiddenSize: H, useBias, resetAfter } = layout;
  const [kernel, recurrent, bias] = pickWeights(weights);
  const same = (t: Tensor, shape: number[]): boolean =>
    t.shape.length === shape.length && t.shape.every((n, k) => n === shape[k]);
  const show = (t: Tensor): string => `'${t.name}' [${t.shape.join(', ')}]`;
  if (!same(kernel, [I, G * H])) refuse(`kernel ${show(kernel)}, expected [${I}, ${G * H}]`);
  if (!same(recurrent, [H, G * H]))
    refuse(`recurrent kernel ${show(recurrent)}, expected [${H}, ${G * H}]`);
  const biasShape = cell === 'gru' && resetAfter ? [2, G * H] : [G * H];
  if (useBias && bias && !same(bias, biasShape))
    refuse(`bias ${show(bias)}, expected [${biasShape.join(', ')}]`);
  for (const t of useBias && bias ? [kernel, recurrent, bias] : [kernel, recurrent]) {
    if (!allFinite(t.data)) refuse(`weight '${t.name}' holds NaN or infinite values`);
  }
  const order = BLOCK_ORDER[cell];
  // A Keras reset-before GRU: z weights the old state, so the engine's z is σ(−a).
  const sign = (block: number): number => (cell === 'gru' && !resetAfter && block === 1 ? -1 : 1);
  const transpose = (t: Tensor, rowsIn: number): number[][] => {
    const out: number[][] = [];
    for (let b = 0; b < G; b++) {
      const from = (order[b] as number) * H;
      const s = sign(b);
      for (let j = 0; j < H; j++) {
        const row = new Array<number>(rowsIn);
        for (let i = 0; i < rowsIn; i++) row[i] = s * (t.data[i * G * H + from + j] as number) + 0;
        out.push(row);
      }
    }
    return out;
  };
  const vector = (offset: number): number[] => {
    const out = new Array<number>(G * H).fill(0);
    if (!useBias || !bias) return out;
    for (let b = 0; b < G; b++) {
      const from = offset + (order[b] as number) * H;
      for (let j = 0; j < H; j++) out[b * H + j] = sign(b) * (bias.data[from + j] as number) + 0;
    }
    return out;
  };
  return {
    weight_ih: transpose(kernel, I),
    weight_hh: transpose(recurrent, H),
    bias_ih: vector(0),
    bias_hh: cell === 'gru' && resetAfter ? vector(G * H) : new Array<number>(G * H).fill(0),
  };
}
