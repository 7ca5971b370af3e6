/**
 * One ONNX `LSTM`, `GRU` or `RNN` node converted exactly to the engine's PyTorch layout,
 * or refused with the reason. ONNX stores W [D][G·H][I], R [D][G·H][H] and B [D][2·G·H]
 * (Wb then Rb) with gate orders i, o, f, c (LSTM) and z, r, h (GRU); PyTorch wants i, f,
 * g, o and r, z, n, one matrix pair and two biases per direction.
 */
import type { CellType, ModelSpec, StateDict } from '../../../engine';
import { ImportError } from '../types';
import { constantInput, elementCount, tensorValues } from './tensor';
import type { OnnxGraph, OnnxNode, OnnxTensor } from './wire';

/** The ONNX operators that map to a Gatescope cell. */
export const RECURRENT_OPS: Readonly<Record<string, CellType>> = {
  LSTM: 'lstm',
  GRU: 'gru',
  RNN: 'rnn',
};

/** For each PyTorch gate block (i f g o; r z n; h), the ONNX block it comes from. */
const BLOCK_FROM_ONNX: Record<CellType, readonly number[]> = {
  lstm: [0, 2, 3, 1],
  gru: [1, 0, 2],
  rnn: [0],
};

/** The activations ONNX uses when the attribute is absent, per direction. */
const DEFAULT_ACTIVATIONS: Record<CellType, readonly string[]> = {
  lstm: ['sigmoid', 'tanh', 'tanh'],
  gru: ['sigmoid', 'tanh'],
  rnn: ['tanh'],
};

/** A recurrent node in the engine's terms. */
export interface MappedNode {
  spec: ModelSpec;
  params: StateDict;
  /** direction=reverse: run on the reversed sequence. */
  goBackwards: boolean;
  notes: string[];
}

/** Ops that carry a value unchanged but for its shape or type: a zero stays zero. */
const SHAPE_OPS = new Set([
  'Expand',
  'Unsqueeze',
  'Squeeze',
  'Reshape',
  'Identity',
  'Cast',
  'Tile',
]);

/** Whether tensor `name` is zero everywhere, as far as the graph shows without running it. */
function isZero(graph: OnnxGraph, writers: Map<string, OnnxNode>, name: string): boolean {
  for (let hops = 0; hops <= graph.nodes.length; hops++) {
    const constant = constantInput(graph, writers, name);
    if (constant) return tensorValues(constant).every((v) => v === 0);
    const node = writers.get(name);
    if (node?.opType === 'ConstantOfShape') {
      const value = node.attributes.get('value')?.t;
      return !value || tensorValues(value).every((v) => v === 0);
    }
    if (!node || !SHAPE_OPS.has(node.opType)) return false;
    name = node.inputs[0] ?? '';
  }
  return false;
}

/** A 3-D constant input of the node with the expected shape, or a refusal. */
function weightInput(
  graph: OnnxGraph,
  writers: Map<string, OnnxNode>,
  node: OnnxNode,
  index: number,
  label: string,
  shape: readonly (number | null)[],
): OnnxTensor {
  const name = node.inputs[index] ?? '';
  const tensor = constantInput(graph, writers, name);
  if (!tensor) {
    throw new ImportError(
      `${label} ("${name}") is computed in the graph, not stored; Gatescope maps only weights stored in the file.`,
    );
  }
  elementCount(tensor);
  const ok =
    tensor.dims.length === shape.length &&
    shape.every((d, k) => d === null || d === tensor.dims[k]);
  if (!ok) {
    const want = shape.map((d) => d ?? '·').join(', ');
    throw new ImportError(
      `${label} ("${name}") has shape [${tensor.dims.join(', ')}]; expected [${want}].`,
    );
  }
  return tensor;
}

/** Rows [from, from + n) of a row-major matrix with `cols` columns, as arrays. */
function rowsOf(values: number[], from: number, n: number, cols: number, sign: number): number[][] {
  const out: number[][] = [];
  for (let r = from; r < from + n; r++)
    out.push(values.slice(r * cols, (r + 1) * cols).map((v) => sign * v + 0));
  return out;
}

/** The activations attribute, checked: returns the RNN's nonlinearity. */
function checkActivations(node: OnnxNode, cell: CellType, directions: number): 'tanh' | 'relu' {
  for (const extra of ['activation_alpha', 'activation_beta']) {
    if (node.attributes.has(extra)) {
      throw new ImportError(
        `${extra} is set; Gatescope runs only the default activations, without parameters.`,
      );
    }
  }
  const given = node.attributes.get('activations')?.strings;
  if (!given || given.length === 0) return 'tanh';
  const defaults = DEFAULT_ACTIVATIONS[cell];
  const lower = given.map((a) => a.toLowerCase());
  if (cell === 'rnn' && lower.length === directions && lower.every((a) => a === lower[0])) {
    if (lower[0] === 'tanh' || lower[0] === 'relu') return lower[0];
  }
  const ok =
    lower.length === defaults.length * directions &&
    lower.every((a, k) => a === defaults[k % defaults.length]);
  if (!ok) {
    const expected =
      cell === 'rnn'
        ? 'Tanh or Relu'
        : defaults.map((a) => a[0]!.toUpperCase() + a.slice(1)).join(', ');
    throw new ImportError(
      `activations ${given.join(', ')}; Gatescope runs only ONNX's defaults (${expected}).`,
    );
  }
  return 'tanh';
}

/**
 * Maps one recurrent node. Throws an ImportError (without the file name) for what cannot
 * be mapped exactly: clip, input_forget, non-default activations, non-zero peepholes,
 * weights computed in the graph, shapes that disagree.
 */
export function mapRecurrentNode(
  graph: OnnxGraph,
  writers: Map<string, OnnxNode>,
  node: OnnxNode,
): MappedNode {
  const cell = RECURRENT_OPS[node.opType]!;
  const G = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
  const attr = node.attributes;
  const direction = attr.get('direction')?.s ?? 'forward';
  if (direction !== 'forward' && direction !== 'reverse' && direction !== 'bidirectional') {
    throw new ImportError(`direction "${direction}"; expected forward, reverse or bidirectional.`);
  }
  const D = direction === 'bidirectional' ? 2 : 1;
  if (attr.has('clip')) {
    throw new ImportError(
      `clip=${attr.get('clip')?.f}: the cell clips its gate inputs, which Gatescope's cells never do.`,
    );
  }
  if ((attr.get('input_forget')?.i ?? 0) !== 0) {
    throw new ImportError(
      "input_forget=1 couples the input and forget gates, which Gatescope's LSTM does not.",
    );
  }
  const nonlinearity = checkActivations(node, cell, D);
  const R = weightInput(graph, writers, node, 2, 'R', [D, null, null]);
  const H = R.dims[2]!;
  const hiddenSize = attr.get('hidden_size')?.i;
  if (hiddenSize !== undefined && hiddenSize !== H) {
    throw new ImportError(`hidden_size=${hiddenSize} but R has shape [${R.dims.join(', ')}].`);
  }
  weightInput(graph, writers, node, 2, 'R', [D, G * H, H]);
  const W = weightInput(graph, writers, node, 1, 'W', [D, G * H, null]);
  const I = W.dims[2]!;
  const hasB = (node.inputs[3] ?? '') !== '';
  const B = hasB ? weightInput(graph, writers, node, 3, 'B', [D, 2 * G * H]) : null;
  const notes: string[] = [];

  const peephole = node.inputs[7] ?? '';
  if (cell === 'lstm' && peephole !== '') {
    if (!isZero(graph, writers, peephole)) {
      throw new ImportError(
        `peephole weights P ("${peephole}") are not zero; Gatescope's LSTM has no peepholes.`,
      );
    }
    notes.push('Peephole weights P are all zero: left out.');
  }
  for (const [index, label] of [
    [5, 'initial_h'],
    [6, 'initial_c'],
  ] as const) {
    const name = node.inputs[index] ?? '';
    if (name === '' || (index === 6 && cell !== 'lstm')) continue;
    if (!isZero(graph, writers, name)) {
      notes.push(
        `${label} comes from "${name}", which the file does not fix to zero; Gatescope starts from zeros, as the file does only when that input is zero.`,
      );
    }
  }
  if ((node.inputs[4] ?? '') !== '') {
    notes.push('sequence_lens is ignored: Gatescope runs every step of the sequence.');
  }

  const w = tensorValues(W);
  const r = tensorValues(R);
  const b = B ? tensorValues(B) : new Array<number>(D * 2 * G * H).fill(0);
  const convention =
    cell === 'gru' && (attr.get('linear_before_reset')?.i ?? 0) === 0 ? 'classic' : 'pytorch';
  const params: StateDict = {};
  for (let d = 0; d < D; d++) {
    const suffix = d === 1 ? '_reverse' : '';
    const ih: number[][] = [];
    const hh: number[][] = [];
    const bih: number[] = [];
    const bhh: number[] = [];
    BLOCK_FROM_ONNX[cell].forEach((from, block) => {
      // classic GRU: z (PyTorch block 1) is 1 − ONNX's z = σ(−a).
      const sign = convention === 'classic' && block === 1 ? -1 : 1;
      ih.push(...rowsOf(w, d * G * H + from * H, H, I, sign));
      hh.push(...rowsOf(r, d * G * H + from * H, H, H, sign));
      bih.push(...rowsOf(b, d * 2 * G * H + from * H, H, 1, sign).flat());
      bhh.push(...rowsOf(b, d * 2 * G * H + G * H + from * H, H, 1, sign).flat());
    });
    Object.assign(params, {
      [`weight_ih_l0${suffix}`]: ih,
      [`weight_hh_l0${suffix}`]: hh,
      [`bias_ih_l0${suffix}`]: bih,
      [`bias_hh_l0${suffix}`]: bhh,
    });
  }
  const spec: ModelSpec = { cell, inputSize: I, hiddenSize: H, numLayers: 1 };
  if (D === 2) spec.bidirectional = true;
  if (cell === 'rnn') spec.nonlinearity = nonlinearity;
  if (cell === 'gru') spec.convention = convention;
  notes.unshift(...describe(cell, convention, nonlinearity, direction, hasB));
  return { spec, params, goBackwards: direction === 'reverse', notes };
}

/** What the conversion did, in words for the Weights panel. */
function describe(
  cell: CellType,
  convention: 'pytorch' | 'classic',
  nonlinearity: 'tanh' | 'relu',
  direction: string,
  hasB: boolean,
): string[] {
  const notes: string[] = [];
  if (cell === 'lstm')
    notes.push("ONNX LSTM: gate order i, o, f, c mapped to PyTorch's i, f, g, o.");
  if (cell === 'rnn') notes.push(`ONNX RNN with ${nonlinearity === 'relu' ? 'Relu' : 'Tanh'}.`);
  if (cell === 'gru' && convention === 'pytorch') {
    notes.push(
      "ONNX GRU, linear_before_reset=1: PyTorch's equations; gate order z, r, h mapped to r, z, n.",
    );
  }
  if (cell === 'gru' && convention === 'classic') {
    notes.push(
      'ONNX GRU, linear_before_reset=0: the reset gate acts before the recurrent matrix, as in the classic convention; gate order z, r, h mapped to r, z, n.',
      "ONNX's z weights the old state (h = (1 − z) ⊙ h̃ + z ⊙ h), the classic z weights the candidate: z's weights and biases are negated, since σ(−a) = 1 − σ(a), so the z shown is 1 − the file's z.",
    );
  }
  notes.push(
    hasB ? 'B = [Wb; Rb] split into bias_ih and bias_hh.' : 'No B input: both biases are zero.',
  );
  if (direction === 'reverse') {
    notes.push(
      "direction=reverse: the node reads the sequence last step first. Gatescope runs it forward on the reversed sequence (goBackwards): its step t is the file's step T−1−t, and the file's output Y[t] is Gatescope's output at step T−1−t.",
    );
  }
  if (direction === 'bidirectional') {
    notes.push(
      'direction=bidirectional: the reverse direction becomes the …_reverse parameters; outputs are forward h then backward h.',
    );
  }
  return notes;
}
