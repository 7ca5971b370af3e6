/**
 * The scene's plain types and the fixed lists of keys they take: what the store holds,
 * what a link carries and what the views show. Serializable: plain keys, no functions.
 */
import type { CellType, GruConvention, Intervention, Nonlinearity, TaskName } from '../engine';

/** The keys of `table`, in order: a list the type checker makes complete (every key of K). */
function keysOf<K extends string>(table: Record<K, true>): readonly K[] {
  return Object.freeze(Object.keys(table) as K[]);
}

/** Cell types, in the order the URL schema lists them. */
export const CELL_TYPES: readonly CellType[] = keysOf<CellType>({
  rnn: true,
  lstm: true,
  gru: true,
});

/** RNN activations. */
export const NONLINEARITIES: readonly Nonlinearity[] = keysOf<Nonlinearity>({
  tanh: true,
  relu: true,
});

/** GRU conventions (engine `GruConvention`). */
export const GRU_CONVENTIONS: readonly GruConvention[] = keysOf<GruConvention>({
  pytorch: true,
  classic: true,
});

/** The kinds of input sequence, in menu order. */
export const INPUT_KINDS = [
  'text',
  'sine',
  'square',
  'step',
  'impulse',
  'noise',
  'task',
  'numbers',
] as const;

/**
 * The kinds of input sequence: a text, a numeric signal, a sample of a training task
 * (what the trained models were trained on), or numbers the user pasted or dropped.
 */
export type InputKind = (typeof INPUT_KINDS)[number];

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
  /**
   * Used when kind = 'numbers': the text the user pasted or dropped, as given (CSV, TSV or
   * whitespace-separated; rows = steps, columns = features, an optional header row; see
   * `parseNumbers`). The store and the link reader only accept text that parses, at most
   * `LIMITS.numbersLength` characters.
   */
  numbers: string;
}

/** Weight initialisation schemes (engine `initParams`). */
export const INIT_SCHEMES = ['pytorch', 'xavier', 'orthogonal'] as const;

/** A weight initialisation scheme. */
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** Pane letters, in the order panes are handed out and kept. */
export const PANE_IDS = ['A', 'B', 'C'] as const;

/** A pane's letter. */
export type PaneId = (typeof PANE_IDS)[number];

/** One model pane's settings. Serializable: plain keys, no functions. */
export interface PaneSettings {
  id: PaneId;
  cell: CellType;
  /** Units per layer, 1–64. */
  hiddenSize: number;
  /** Stacked layers, 1–3 (LIMITS.numLayers). */
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
  /**
   * Local id of a model imported from the user's own file ('imp-…', kept in this browser,
   * see src/store/importedModels.ts), or ''. Exclusive with `trained`: a pane's weights
   * come from one source. The imported model decides the cell and sizes; `cell`,
   * `nonlinearity` and `convention` above mirror it (sizes may exceed the controls' limits
   * and are read from the model, not from this pane's fields).
   */
  imported: string;
  /** What the imported model is called, "m.pt — lstm" (for the message where it is missing), or ''. */
  importName: string;
  /**
   * "What if" changes to this pane's run (engine {@link Intervention}s: a gate, c or h of
   * one unit or all, forced to a value over steps, 0-based), in the order they apply (the
   * last wins where two overlap); empty for the model's own run. Plain frozen data.
   */
  interventions: readonly Intervention[];
}

/** Gate namings: the textbook names, or the learn / forget / remember / use names. */
export const GATE_NAMINGS = ['standard', 'lfru'] as const;

/** Gate naming: the textbook names, or the learn / forget / remember / use names. */
export type GateNaming = (typeof GATE_NAMINGS)[number];

/** How the equations are written: PyTorch's two matrices, or one matrix on [h, x] (the notes'). */
export const EQUATION_NOTATIONS = ['pytorch', 'concat'] as const;

/** How the equations are written: PyTorch's two matrices, or one matrix on [h, x]. */
export type EquationNotation = (typeof EQUATION_NOTATIONS)[number];

/** Colour themes: follow the system, or force one. */
export const THEMES = ['system', 'light', 'dark'] as const;

/** Colour theme: follow the system, or force one. */
export type ThemeChoice = (typeof THEMES)[number];

/** The analysis views one can show or hide, in page order. */
export const VIEW_NAMES = ['diagram', 'heatmaps', 'equations', 'gradients'] as const;

/** Which analysis views are shown. */
export type ViewsShown = Record<(typeof VIEW_NAMES)[number], boolean>;

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

/**
 * The part of the scene a link (and the saved scene) carries: everything but playback
 * state and hover. The store's state holds these keys with these types (the store's
 * `applySnapshot` and `encodeScene(store.getState())` would not type-check otherwise).
 */
export interface SceneSnapshot {
  panes: PaneSettings[];
  input: InputSettings;
  /** Current step, 1..T. */
  t: number;
  /** Playback speed, one of SPEEDS. */
  speed: number;
  /** Layer shown, 0-based. */
  layer: number;
  /** Unit shown, 0-based. */
  unit: number;
  naming: GateNaming;
  /** Notation of the equations. */
  notation: EquationNotation;
  views: ViewsShown;
  /** Lecture mode. */
  presentation: boolean;
  /** Editing panels hidden. */
  editingHidden: boolean;
  theme: ThemeChoice;
  /** Id of the guided lesson followed, '' for none. */
  lesson: string;
  /** The lesson's stop, 0-based. */
  stop: number;
}

/** The keys a snapshot holds, in a fixed order (complete: the type checker sees to it). */
export const SNAPSHOT_KEYS: readonly (keyof SceneSnapshot)[] = keysOf<keyof SceneSnapshot>({
  panes: true,
  input: true,
  t: true,
  speed: true,
  layer: true,
  unit: true,
  naming: true,
  notation: true,
  views: true,
  presentation: true,
  editingHidden: true,
  theme: true,
  lesson: true,
  stop: true,
});
