import type { CellType, GruConvention, Nonlinearity, TaskName } from '../engine';

/**
 * The kinds of input sequence: a text, a numeric signal, or a sample of a training task
 * (what the trained models were trained on).
 */
export type InputKind = 'text' | 'sine' | 'square' | 'step' | 'impulse' | 'noise' | 'task';

/** The one input sequence every pane reads. Serializable. */
export interface InputSettings {
  kind: InputKind;
  /** Used when kind = 'text': each character is one step, one-hot over the text's alphabet. */
  text: string;
  /** Steps T for the numeric kinds, 1–2000. */
  length: number;
  /** Seed of the 'noise' input, and of the task sample. */
  seed: number;
  /** Used when kind = 'task': which task's generator draws the sequence (T = `length`). */
  task: TaskName;
}

/** Weight initialisation schemes (engine `initParams`). */
export type InitScheme = 'pytorch' | 'xavier' | 'orthogonal';

/** Pane letters, in the order panes are added. */
export type PaneId = 'A' | 'B' | 'C';

/** One model pane's settings. Serializable: plain keys, no functions. */
export interface PaneSettings {
  id: PaneId;
  cell: CellType;
  /** Units per layer, 1–64. */
  hiddenSize: number;
  /** Stacked layers, 1–3. */
  numLayers: number;
  /** Seed of the weights, integer in [0, 2³²). */
  seed: number;
  init: InitScheme;
  /** Multiplies the initial weights, 0.01–10. */
  weightScale: number;
  /** LSTM: added to the forget-gate bias, −10–10. */
  forgetBias: number;
  /** RNN activation. */
  nonlinearity: Nonlinearity;
  /** GRU equations. */
  convention: GruConvention;
  /**
   * Id of a shipped trained model ('remember-first-50-lstm', see public/models), or ''
   * for weights drawn from seed/init/scale. A trained model's file decides the cell,
   * sizes and weights; the fields above then mirror its spec.
   */
  trained: string;
}

/** Gate naming: the textbook names, or the learn / forget / remember / use names. */
export type GateNaming = 'standard' | 'lfru';

/** An element of the scene under the pointer: a quantity of one pane's cell. */
export interface HoverTarget {
  pane: PaneId;
  /** Quantity name as in the trace: 'f', 'i', 'g', 'o', 'c', 'h', 'r', 'z', 'n', 'pre', 'x'. */
  name: string;
  /** The step (1-based) pointed at, when the view has a time axis (heatmaps, plots). */
  step?: number;
  /** The unit (0-based) pointed at, when the view shows units (heatmap rows, bars). */
  unit?: number;
}
