import type { StateCreator } from 'zustand';
import { parameterCount, type CellType, type ModelTaskName } from '../engine';
import { sequenceOf } from './derived';
import { paneSizeOf } from './paneSize';
import { matchingTrainedModel } from './trainedModels';
import {
  CELL_TYPES,
  checkRange,
  defaultPane,
  INIT_SCHEMES,
  LIMITS,
  PANE_DEFAULTS,
  PANE_IDS,
  sequenceLength,
  type InputSettings,
  type PaneId,
  type PaneSettings,
} from '../scene';
import type { SceneState } from './scene';

/** No interventions: the model's own run. */
const NONE = PANE_DEFAULTS.interventions;

/** Cell types in the order a new pane picks the first one not shown yet. */
const CELL_ORDER: readonly CellType[] = ['lstm', 'gru', 'rnn'];

/** The model panes (1–3), all reading the one input and the one time cursor. */
export interface PanesSlice {
  panes: PaneSettings[];
  /**
   * Changes some settings of one pane. Returns a message and changes nothing when a value
   * is out of range, so the previous valid model stays.
   */
  updatePane: (id: PaneId, patch: Partial<Omit<PaneSettings, 'id'>>) => string | null;
  /**
   * Adds a pane under the first free letter (panes stay in letter order), with the first
   * pane's hidden size, layers, seed, init and weight scale, so the models differ only in
   * their cell. Beside a trained first pane, the new pane runs the shipped model of its cell
   * trained on the same task and length, where there is one (and the index has arrived).
   * `cell` defaults to the first of LSTM, GRU, RNN not shown yet. Returns a message and
   * changes nothing when three panes are shown already.
   */
  addPane: (cell?: CellType) => string | null;
  /**
   * Removes a pane. Returns a message and changes nothing when it is the last pane or
   * there is no such pane. Clears a hover that pointed into it.
   */
  removePane: (id: PaneId) => string | null;
  /**
   * Compare mode is on exactly when more than one pane is shown. Turning it on adds a
   * second pane (see {@link PanesSlice.addPane}: a GRU beside the default LSTM); turning
   * it off keeps only the first pane (pane A unless A was removed).
   */
  setCompare: (on: boolean) => void;
  /**
   * Sets every pane but the first to the hidden size (1–64) whose parameter count comes
   * closest to the first pane's (the size of the model it runs, see `paneSizeOf`), on the
   * current input. A trained pane whose size changes goes back to drawn weights, since its
   * file holds weights of one size only. Returns the new hidden sizes.
   */
  matchParameterCount: () => Partial<Record<PaneId, number>>;
  /**
   * Runs a shipped trained model in pane `id`: the pane takes the model's cell and sizes
   * (its file supplies the weights once fetched) and the input becomes a sample of the
   * model's task at the model's length, or the user's numbers for a model trained on them.
   * `null` returns the pane to drawn weights.
   */
  setTrained: (id: PaneId, choice: TrainedChoice | null) => void;
  /**
   * Runs a model imported from the user's file in pane `id` (its weights live in the
   * imported-model registry, under `choice.id`): the pane takes the model's cell and the
   * input becomes one the model can read (`choice.input`). `null` returns the pane to
   * drawn weights.
   */
  setImported: (id: PaneId, choice: ImportedChoice | null) => void;
}

/** What the store needs to know of an imported model to run it in a pane. */
export interface ImportedChoice {
  /** Its local id in the imported-model registry ('imp-…'). */
  id: string;
  /** What it is called: "m.pt — lstm". */
  name: string;
  cell: CellType;
  nonlinearity?: PaneSettings['nonlinearity'];
  convention?: PaneSettings['convention'];
  /** Input settings the model reads (text for an embedding, noise of its features …), if the current one cannot do. */
  input?: Partial<InputSettings>;
}

/** What the store needs to know of a shipped model to show it before its file arrives. */
export interface TrainedChoice {
  id: string;
  cell: CellType;
  hiddenSize: number;
  numLayers: number;
  task: ModelTaskName;
  length: number;
}

/** Settings whose change turns a trained pane back into one with drawn weights. */
const MODEL_KEYS = [
  'cell',
  'hiddenSize',
  'numLayers',
  'seed',
  'init',
  'weightScale',
  'forgetBias',
  'nonlinearity',
  'convention',
] as const satisfies readonly (keyof PaneSettings)[];

/** Checks a patch of pane settings; a message naming the first bad field, or null. */
export function checkPanePatch(patch: Partial<PaneSettings>): string | null {
  const checks: [string, number | undefined, { min: number; max: number }, boolean][] = [
    ['Hidden size', patch.hiddenSize, LIMITS.hiddenSize, true],
    ['Layers', patch.numLayers, LIMITS.numLayers, true],
    ['Seed', patch.seed, LIMITS.seed, true],
    ['Weight scale', patch.weightScale, LIMITS.weightScale, false],
    ['Forget-gate bias', patch.forgetBias, LIMITS.forgetBias, false],
  ];
  for (const [label, value, limit, integer] of checks) {
    if (value === undefined) continue;
    const error = checkRange(label, value, limit, integer);
    if (error) return error;
  }
  if (patch.cell !== undefined && !CELL_TYPES.includes(patch.cell)) {
    return 'Cell type must be RNN, LSTM or GRU.';
  }
  if (patch.init !== undefined && !INIT_SCHEMES.includes(patch.init)) {
    return 'Init must be PyTorch default, Xavier or Orthogonal.';
  }
  return null;
}

/** What a pane's parameter count depends on besides its hidden size. */
export type SizedSpec = Pick<PaneSettings, 'cell' | 'numLayers'> & { inputSize: number };

/**
 * The hidden size in 1–64 whose parameter count is closest to `target` (the smallest such
 * size on a tie), found by trying every size: the count grows like G·H², no closed form
 * is worth the rounding cases.
 */
export function closestHiddenSize(spec: SizedSpec, target: number): number {
  let best = LIMITS.hiddenSize.min;
  let bestGap = Infinity;
  for (let H = LIMITS.hiddenSize.min; H <= LIMITS.hiddenSize.max; H++) {
    const gap = Math.abs(parameterCount({ ...spec, hiddenSize: H }) - target);
    if (gap < bestGap) {
      best = H;
      bestGap = gap;
    }
  }
  return best;
}

/** Compare mode: more than one pane shown. A selector, so the state stays plain data. */
export function selectCompare(s: Pick<SceneState, 'panes'>): boolean {
  return s.panes.length > 1;
}

/** The first letter no pane uses, or null when all three are taken. */
export function nextPaneId(panes: readonly Pick<PaneSettings, 'id'>[]): PaneId | null {
  return PANE_IDS.find((id) => !panes.some((p) => p.id === id)) ?? null;
}

/** The cell a new pane gets by default: the first of LSTM, GRU, RNN no pane shows. */
export function nextCell(panes: readonly Pick<PaneSettings, 'cell'>[]): CellType {
  return CELL_ORDER.find((cell) => !panes.some((p) => p.cell === cell)) ?? 'rnn';
}

/**
 * A new pane `id` of type `cell` sharing the first pane's size and initialisation, or,
 * beside a trained first pane, running the matching trained model where one exists.
 */
function paneLike(first: PaneSettings | undefined, id: PaneId, cell: CellType): PaneSettings {
  const pane = defaultPane(id, cell);
  if (!first) return pane;
  const { hiddenSize, numLayers, seed, init, weightScale } = first;
  const match = first.trained ? matchingTrainedModel(first.trained, cell) : null;
  if (match) {
    return { ...pane, hiddenSize: match.hiddenSize, numLayers: match.numLayers, trained: match.id };
  }
  return { ...pane, hiddenSize, numLayers, seed, init, weightScale };
}

/** Creates the panes slice with one LSTM pane. */
export const createPanesSlice: StateCreator<SceneState, [], [], PanesSlice> = (set, get) => ({
  panes: [defaultPane('A')],
  updatePane: (id, patch) => {
    const error = checkPanePatch(patch);
    if (error) return error;
    // Changing how the model is built leaves the trained weights behind.
    const detach = MODEL_KEYS.some((key) => key in patch) && !('trained' in patch);
    // An imported model keeps its weights when only its assumed nonlinearity changes.
    const detachImport =
      MODEL_KEYS.some((key) => key in patch && key !== 'nonlinearity') && !('imported' in patch);
    set((s) => ({
      panes: s.panes.map((pane) =>
        pane.id === id
          ? {
              ...pane,
              ...patch,
              ...(detach ? { trained: '' } : {}),
              ...(detachImport ? { imported: '', importName: '' } : {}),
              // What-ifs name gates, units and layers of the model they were made on.
              ...(detachImport && !('interventions' in patch) ? { interventions: NONE } : {}),
            }
          : pane,
      ),
      layer: Math.min(s.layer, (patch.numLayers ?? LIMITS.numLayers.max) - 1),
    }));
    return null;
  },
  addPane: (cell) => {
    const { panes } = get();
    const id = nextPaneId(panes);
    if (!id || panes.length >= LIMITS.panes.max) {
      return `At most ${LIMITS.panes.max} models can be compared.`;
    }
    if (cell !== undefined && !CELL_ORDER.includes(cell)) {
      return 'Cell type must be RNN, LSTM or GRU.';
    }
    const pane = paneLike(panes[0], id, cell ?? nextCell(panes));
    const next = [...panes, pane].sort((a, b) => a.id.localeCompare(b.id));
    set({ panes: next });
    return null;
  },
  removePane: (id) => {
    const { panes, hovered } = get();
    if (!panes.some((p) => p.id === id)) return `There is no model ${id}.`;
    if (panes.length <= LIMITS.panes.min) return 'The last model cannot be removed.';
    set({
      panes: panes.filter((p) => p.id !== id),
      hovered: hovered?.pane === id ? null : hovered,
    });
    return null;
  },
  setCompare: (on) => {
    const { panes, hovered } = get();
    if (on && panes.length === 1) get().addPane();
    if (!on && panes.length > 1) {
      const first = panes[0]!;
      set({ panes: [first], hovered: hovered && hovered.pane !== first.id ? null : hovered });
    }
  },
  setTrained: (id, choice) => {
    set((s) => {
      const panes = s.panes.map((pane) => {
        if (pane.id !== id) return pane;
        if (!choice) return { ...pane, trained: '', interventions: NONE };
        const { cell, hiddenSize, numLayers } = choice;
        return {
          ...pane,
          interventions: NONE,
          cell,
          hiddenSize,
          numLayers,
          trained: choice.id,
          imported: '',
          importName: '',
        };
      });
      if (!choice) return { panes };
      if (choice.task === 'numbers') {
        // A model of the user's numbers reads them (when there are some: else its run says
        // how to get the ones it was trained on back).
        const input: InputSettings = s.input.numbers ? { ...s.input, kind: 'numbers' } : s.input;
        return { panes, input, t: Math.min(Math.max(1, s.t), sequenceLength(input)), layer: 0 };
      }
      const input = { ...s.input, kind: 'task' as const, task: choice.task, length: choice.length };
      return { panes, input, t: Math.min(Math.max(1, s.t), choice.length), layer: 0 };
    });
  },
  setImported: (id, choice) => {
    set((s) => {
      const panes = s.panes.map((pane) => {
        if (pane.id !== id) return pane;
        if (!choice) return { ...pane, imported: '', importName: '', interventions: NONE };
        const { cell, nonlinearity = pane.nonlinearity, convention = pane.convention } = choice;
        const imported = choice.id;
        return {
          ...pane,
          interventions: NONE,
          cell,
          nonlinearity,
          convention,
          trained: '',
          imported,
          importName: choice.name,
        };
      });
      if (!choice) return { panes };
      const input = choice.input ? { ...s.input, ...choice.input } : s.input;
      return { panes, input, layer: 0, unit: 0 };
    });
  },
  matchParameterCount: () => {
    const { panes, input } = get();
    const [first] = panes;
    if (!first) return {};
    const target = parameterCount(paneSizeOf(first, input));
    // A pane that drops its trained file reads the input's own features.
    const inputSize = sequenceOf(input).inputSize;
    const sizes: Partial<Record<PaneId, number>> = {};
    const next = panes.map((pane) => {
      if (pane === first) return pane;
      const own = paneSizeOf(pane, input);
      if (closestHiddenSize(own, target) === own.hiddenSize) {
        sizes[pane.id] = own.hiddenSize;
        return pane;
      }
      const hiddenSize = closestHiddenSize({ ...own, inputSize }, target);
      sizes[pane.id] = hiddenSize;
      return { ...pane, hiddenSize, numLayers: own.numLayers, trained: '', interventions: NONE };
    });
    set({ panes: next });
    return sizes;
  },
});
