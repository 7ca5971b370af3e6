/**
 * The scene's defaults, in one place: the store starts from them and the URL schema leaves
 * out (and falls back to) exactly these values. A link omits settings at their default,
 * so changing one changes what old links mean: tests/io/sceneUrl.test.ts pins the v1
 * values, and a change needs schema v2.
 */
import type { CellType } from '../engine';
import type { InputSettings, PaneId, PaneSettings, SceneSnapshot, ViewsShown } from './types';

/** A new pane's settings, but for its letter: an 8-unit, one-layer LSTM, PyTorch init. */
export const PANE_DEFAULTS: Readonly<Omit<PaneSettings, 'id'>> = Object.freeze({
  cell: 'lstm',
  hiddenSize: 8,
  numLayers: 1,
  seed: 0,
  init: 'pytorch',
  weightScale: 1,
  forgetBias: 0,
  nonlinearity: 'tanh',
  convention: 'pytorch',
  trained: '',
  imported: '',
  importName: '',
  interventions: Object.freeze([]),
});

/** Settings of a new pane of letter `id` (a fresh object), with `cell` if given. */
export function defaultPane(id: PaneId, cell: CellType = PANE_DEFAULTS.cell): PaneSettings {
  return { ...PANE_DEFAULTS, id, cell };
}

/**
 * The default input: a short text, so steps read as characters; the numbers offered when
 * one first chooses Your numbers are six steps of three features, with a header row.
 */
export const DEFAULT_INPUT: Readonly<InputSettings> = Object.freeze({
  kind: 'text',
  text: 'hello world',
  length: 60,
  seed: 0,
  task: 'remember-first',
  numbers: 'x1,x2,x3\n1,0,0.5\n0,1,-0.5\n0,0,1\n1,1,0\n0.5,-0.5,0.25\n-1,0,0\n',
});

/** Every analysis view shown. */
export const DEFAULT_VIEWS: Readonly<ViewsShown> = Object.freeze({
  diagram: true,
  heatmaps: true,
  equations: true,
  gradients: true,
});

/** The scene's other defaults: step 1 at 1×, layer and unit 0, textbook names, no lesson. */
export const SCENE_DEFAULTS: Readonly<Omit<SceneSnapshot, 'panes' | 'input'>> = Object.freeze({
  t: 1,
  speed: 1,
  layer: 0,
  unit: 0,
  naming: 'standard',
  notation: 'pytorch',
  views: DEFAULT_VIEWS,
  presentation: false,
  editingHidden: false,
  theme: 'system',
  lesson: '',
  stop: 0,
});
