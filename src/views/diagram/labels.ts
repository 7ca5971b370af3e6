import type { CellType, GruConvention, Nonlinearity } from '../../engine';
import type { GateNaming } from '../../scene';
import type { ValueRange } from '../colors';

/** How one quantity of a cell is named and explained. Labels use the markup of ./rich. */
export interface QuantityLabel {
  /** Name in the trace and in hover targets: 'f', 'i', 'g', 'o', 'c', 'h', 'r', 'z', 'n', 'pre', 'x'. */
  readonly name: string;
  /** Words on its chip and tooltip: "forget gate". */
  readonly title: string;
  /** Words on its box when they differ from the title (the RNN's box says "tanh"). */
  readonly boxTitle?: string;
  /** Its symbol, as the equations write it: "f", "h̃". */
  readonly symbol: string;
  /** Activation that produces it ("σ", "tanh", "relu", "Σ"), or "" for states. */
  readonly activation: string;
  /** One line saying what it does, for the tooltip. */
  readonly role: string;
  /** Colour scale it is drawn with. */
  readonly range: ValueRange;
  /** How its box writes it: "f = σ(·)". */
  readonly formula?: string;
}

/** What changes how a cell's quantities are named. */
export interface LabelOptions {
  readonly naming: GateNaming;
  readonly convention: GruConvention;
  readonly nonlinearity: Nonlinearity;
}

type Entry = Omit<QuantityLabel, 'name' | 'symbol' | 'activation' | 'range'>;

const sigmoidGate = (name: string, entry: Entry): QuantityLabel => ({
  name,
  symbol: name,
  activation: 'σ',
  range: 'unit',
  ...entry,
});

function lstmLabels(naming: GateNaming): QuantityLabel[] {
  const lfru = naming === 'lfru';
  return [
    sigmoidGate('f', {
      title: 'forget gate',
      role: lfru
        ? 'Forget factor: how much of the long-term memory c_{t−1} to keep.'
        : 'Keeps (near 1) or erases (near 0) each unit of the old cell state c_{t−1}.',
    }),
    sigmoidGate('i', {
      title: lfru ? 'ignore factor' : 'input gate',
      role: lfru
        ? 'Learn gate, part 1: which parts of the new information to keep.'
        : 'How much of the candidate g is written into the cell state.',
    }),
    {
      name: 'g',
      title: 'candidate',
      symbol: 'g',
      activation: 'tanh',
      range: 'signed',
      role: lfru
        ? 'Learn gate, part 2: new information from x_{t} and h_{t−1}; the learn gate outputs i⊙g.'
        : 'New content for the cell state (C̃_{t}), in (−1, 1).',
    },
    sigmoidGate('o', {
      title: lfru ? 'use factor' : 'output gate',
      role: lfru
        ? 'Use gate: how much of tanh(c_{t}) becomes the new short-term memory.'
        : 'How much of tanh(c_{t}) leaves the cell as h_{t}.',
    }),
    {
      name: 'c',
      title: lfru ? 'remember gate' : 'cell state',
      symbol: 'c',
      activation: '',
      range: 'signed',
      role: lfru
        ? 'Updates the long-term memory: c_{t} = f⊙c_{t−1} + i⊙g.'
        : 'Long-term memory: c_{t} = f⊙c_{t−1} + i⊙g.',
    },
    {
      name: 'h',
      title: lfru ? 'use gate output' : 'hidden state',
      symbol: 'h',
      activation: '',
      range: 'signed',
      role: lfru
        ? 'The new short-term memory and output: h_{t} = o⊙tanh(c_{t}).'
        : 'Short-term memory and the output: h_{t} = o⊙tanh(c_{t}).',
    },
  ];
}

function gruLabels(convention: GruConvention): QuantityLabel[] {
  const pytorch = convention === 'pytorch';
  return [
    sigmoidGate('z', {
      title: 'update gate',
      role: pytorch
        ? 'Share of the old state kept: h_{t} = (1−z)⊙n + z⊙h_{t−1}.'
        : 'Share of the candidate taken: h_{t} = (1−z)⊙h_{t−1} + z⊙h̃.',
    }),
    sigmoidGate('r', {
      title: 'reset gate',
      role: pytorch
        ? 'Scales the recurrent part W_{hn}h_{t−1} + b_{hn} of the candidate, after the matrix.'
        : 'Scales h_{t−1} before W_{hn}: how much of the past the candidate sees.',
    }),
    {
      name: 'n',
      title: 'candidate',
      symbol: pytorch ? 'n' : 'h̃',
      activation: 'tanh',
      range: 'signed',
      role: 'Proposed new state in (−1, 1), from x_{t} and the reset-scaled past.',
    },
    {
      name: 'h',
      title: 'hidden state',
      symbol: 'h',
      activation: '',
      range: 'signed',
      role: 'The new state: a per-unit mix of h_{t−1} and the candidate (a GRU has no cell state).',
    },
  ];
}

function rnnLabels(nonlinearity: Nonlinearity): QuantityLabel[] {
  return [
    {
      name: 'pre',
      title: 'pre-activation',
      symbol: 'a',
      activation: 'Σ',
      range: 'signed',
      formula: 'a = W[h,x] + b',
      role: 'a_{t} = W_{ih}x_{t} + b_{ih} + W_{hh}h_{t−1} + b_{hh}: input and memory added up.',
    },
    {
      name: 'h',
      title: 'hidden state',
      boxTitle: nonlinearity,
      symbol: 'h',
      activation: nonlinearity,
      range: 'signed',
      formula: `h = ${nonlinearity}(a)`,
      role:
        nonlinearity === 'tanh'
          ? 'h_{t} = tanh(a_{t}), squashed into (−1, 1) and fed back at the next step.'
          : 'h_{t} = relu(a_{t}) = max(0, a_{t}), unbounded above, fed back at the next step.',
    },
  ];
}

function defaultFormula({ symbol, activation }: QuantityLabel): string {
  return activation ? `${symbol} = ${activation}(·)` : symbol;
}

/**
 * The quantities a cell's diagram shows, left to right as drawn (roughly the order they
 * are computed), named for the naming (LSTM), convention (GRU) or activation (RNN).
 */
export function quantityLabels(cell: CellType, options: LabelOptions): QuantityLabel[] {
  const labels =
    cell === 'lstm'
      ? lstmLabels(options.naming)
      : cell === 'gru'
        ? gruLabels(options.convention)
        : rnnLabels(options.nonlinearity);
  return labels.map((label) => ({ ...label, formula: label.formula ?? defaultFormula(label) }));
}

/** Labels by quantity name. */
export type LabelMap = Readonly<Record<string, QuantityLabel>>;

/** {@link quantityLabels} keyed by name. */
export function labelMap(labels: readonly QuantityLabel[]): LabelMap {
  return Object.fromEntries(labels.map((label) => [label.name, label]));
}

/** "LSTM cell diagram, step 3": the accessible name of a diagram. */
export function diagramName(cell: CellType, t: number): string {
  return `${cell.toUpperCase()} cell diagram, step ${t}`;
}

/** The GRU convention as the diagram states it. */
export function conventionTitle(convention: GruConvention): string {
  return convention === 'pytorch' ? 'PyTorch convention' : 'Classic (Cho 2014) convention';
}

/** The input x_t, hoverable on every diagram. */
export const INPUT_LABEL: QuantityLabel = {
  name: 'x',
  title: 'input',
  symbol: 'x',
  activation: '',
  range: 'signed',
  role: 'What the cell reads at this step: the token (one-hot) or the layer below’s h_{t}.',
};
