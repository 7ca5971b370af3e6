import type { CellType, FullModelSpec, GruConvention } from '../../engine';
import type { GateNaming } from '../../scene';

const LSTM: Readonly<Record<GateNaming, Readonly<Record<string, string>>>> = {
  standard: {
    i: 'input gate',
    f: 'forget gate',
    g: 'candidate (C̃ in the notes)',
    o: 'output gate',
    c: 'cell state: long-term memory',
    h: 'hidden state: short-term memory and output',
    m: 'cell output, before the projection',
  },
  lfru: {
    i: 'learn gate: ignore factor',
    f: 'forget gate: forget factor',
    g: 'learn gate: new information',
    o: 'use gate: use factor',
    c: 'remember gate: new long-term memory',
    h: 'use gate: new short-term memory',
    m: 'use gate: output before the projection',
  },
};

/** With a projection, h_t = W_hr m_t is the projected state the gates and the layer above read. */
const PROJECTED_H: Readonly<Record<GateNaming, string>> = {
  standard: 'hidden state: the projection of m, what the layer outputs',
  lfru: 'use gate: new short-term memory, projected',
};

/**
 * The words above one equation: "forget gate", "reset gate", "candidate h̃". LSTM rows
 * follow the naming toggle (textbook names, or learn / forget / remember / use).
 */
export function captionOf(spec: FullModelSpec, name: string, naming: GateNaming): string {
  if (spec.cell === 'lstm') {
    if (name === 'h' && spec.projSize > 0) return PROJECTED_H[naming];
    return LSTM[naming][name] ?? name;
  }
  if (spec.cell === 'gru') {
    const classic = spec.convention === 'classic';
    const gru: Record<string, string> = {
      r: 'reset gate',
      z: 'update gate',
      n: classic ? 'candidate h̃' : 'candidate n',
      h: classic ? 'hidden state: z takes the candidate' : 'hidden state: z keeps the old state',
    };
    return gru[name] ?? name;
  }
  return name === 'pre' ? 'pre-activation a' : `hidden state (${spec.nonlinearity})`;
}

/** The GRU convention as every view names it. */
export function conventionTitle(convention: GruConvention): string {
  return convention === 'pytorch' ? 'PyTorch convention' : 'Classic (Cho 2014) convention';
}

/**
 * The concat notation's definitions, in LaTeX: one matrix on [h_{t−1}, x_t] is the two
 * PyTorch matrices side by side, and one bias is the two added.
 */
export function concatDefinition(cell: CellType): string {
  if (cell === 'rnn') return 'W = [\\,W_{hh} \\mid W_{ih}\\,], \\quad b = b_{ih} + b_{hh}';
  return 'W_{\\ast} = [\\,W_{h\\ast} \\mid W_{i\\ast}\\,], \\quad b_{\\ast} = b_{i\\ast} + b_{h\\ast}';
}

/** The cell's name as the panel heads it. */
export function cellTitle(cell: CellType): string {
  return cell.toUpperCase();
}
