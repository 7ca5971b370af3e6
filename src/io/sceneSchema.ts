/**
 * The URL schema of a shared scene, version 1, as one table (tensorflow/playground's
 * `state.ts` idea): one row per setting with its key in the hash, its path in the store,
 * its codec (type and validation) and its default. Encoding and decoding
 * (`sceneUrl.ts`) only walk this table.
 *
 * A v1 hash reads `#v=1&panes=AB&A.cell=gru&B.hidden=16&text=hello%20there&t=4&unit=3`:
 * `key=value` pairs, values percent-encoded, settings at their default left out (so a
 * link shows what was changed). Model settings are written once per pane, the key
 * prefixed by the pane's letter: `A.cell`, `B.hidden`. Steps, layers and units are
 * counted from 1, as the page shows them. A text whose percent-encoded form is longer
 * than COMPRESS_ABOVE characters is written compressed under `tz` instead of `text`, with
 * its length and CRC-32 in front (`tz=312.1b9x0kq.CYQw…`, see compress.ts). The first
 * compressed texts carried no check; they are refused with a notice, as damaged ones are:
 * without a check, damage cannot be told from a text. Pasted numbers (`nums`) are written
 * the same way, compressed under `nz`. A pane's interventions are one row, `A.iv=f:3:25:0`
 * (see interventionCodec.ts).
 *
 * Within a version, keys, meanings and defaults never change: a change needs v2 and a
 * reader of v1 links. The defaults are the scene's (src/scene/defaults.ts), which the store
 * starts from; a test pins their v1 values.
 */
import { TASK_NAMES } from '../engine';
import {
  CELL_TYPES,
  DEFAULT_INPUT,
  defaultPane,
  EQUATION_NOTATIONS,
  GATE_NAMINGS,
  GRU_CONVENTIONS,
  INIT_SCHEMES,
  INPUT_KINDS,
  LIMITS,
  NONLINEARITIES,
  PANE_IDS,
  SCENE_DEFAULTS,
  SELECTION_LIMITS,
  SNAPSHOT_KEYS,
  SPEEDS,
  THEMES,
  VIEW_NAMES,
  type InputSettings,
  type PaneId,
  type PaneSettings,
  type SceneSnapshot,
} from '../scene';
import {
  bool,
  decimal,
  flags,
  int,
  letters,
  numbersText,
  oneOf,
  oneOfNumbers,
  slug,
  text,
  type Codec,
} from './codecs';
import { interventionList } from './interventionCodec';

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = 1;

/** The hash key of the version. */
export const VERSION_KEY = 'v';

/** Stops a lesson may have (a link's `stop` is checked against it; the lesson, more closely). */
export const MAX_LESSON_STOPS = 20;

/** Percent-encoded texts longer than this are written compressed (when that is shorter). */
export const COMPRESS_ABOVE = 200;

export type { SceneSnapshot } from '../scene';

/** Columns every row has. Methods, so that typed rows stand in one table of `unknown`. */
interface FieldBase<T> {
  /** Name in the hash: short, stable, unique (pane rows are prefixed `A.`, `B.`, `C.`). */
  readonly key: string;
  /** Where the value lives in the store, for readers: `input.text`, `panes[].hiddenSize`. */
  readonly path: string;
  /** The setting in words, for problem messages: "hidden size". */
  readonly label: string;
  /** Type and validation. */
  readonly codec: Codec<T>;
  /** The v1 default: used when the key is absent or unreadable. */
  readonly fallback: T;
}

/** A row about the whole scene. */
export interface SceneField<T> extends FieldBase<T> {
  readonly scope: 'scene';
  /** Key of the compressed form, for texts (lz-string in base64url). */
  readonly compressedKey?: string;
  get(scene: SceneSnapshot): T;
  /** Writes the value into a snapshot being built (a fresh object, never the store's). */
  set(scene: SceneSnapshot, value: T): void;
}

/** A row about one pane's model, written once per pane. */
export interface PaneField<T> extends FieldBase<T> {
  readonly scope: 'pane';
  get(pane: PaneSettings): T;
  /** Writes the value into a pane being built (a fresh object). */
  set(pane: PaneSettings, value: T): void;
}

/** A row of the table, its value type erased. */
export type Field = SceneField<unknown> | PaneField<unknown>;

type TopKey = Exclude<keyof SceneSnapshot, 'panes' | 'input'>;
type PaneKey = Exclude<keyof PaneSettings, 'id'>;

/** The scene's defaults as whole records, so that a row's fallback has its field's type. */
const paneDefaults: PaneSettings = defaultPane(PANE_IDS[0]);
const sceneDefaults: SceneSnapshot = {
  ...SCENE_DEFAULTS,
  panes: [paneDefaults],
  input: { ...DEFAULT_INPUT },
};

/** A row for a top-level store key; its fallback is the scene's default. */
function top<K extends TopKey>(
  key: string,
  prop: K,
  label: string,
  codec: Codec<SceneSnapshot[K]>,
): SceneField<SceneSnapshot[K]> {
  return {
    scope: 'scene',
    key,
    path: prop,
    label,
    codec,
    fallback: sceneDefaults[prop],
    get: (s) => s[prop],
    set: (s, v) => {
      s[prop] = v;
    },
  };
}

/** A row for a key of the input settings; its fallback is the default input's. */
function input<K extends keyof InputSettings>(
  key: string,
  prop: K,
  label: string,
  codec: Codec<InputSettings[K]>,
  compressedKey?: string,
): SceneField<InputSettings[K]> {
  return {
    scope: 'scene',
    key,
    path: `input.${prop}`,
    label,
    codec,
    fallback: DEFAULT_INPUT[prop],
    ...(compressedKey === undefined ? {} : { compressedKey }),
    get: (s) => s.input[prop],
    set: (s, v) => {
      s.input[prop] = v;
    },
  };
}

/** A row for a key of every pane's settings; its fallback is a new pane's. */
function pane<K extends PaneKey>(
  key: string,
  prop: K,
  label: string,
  codec: Codec<PaneSettings[K]>,
): PaneField<PaneSettings[K]> {
  return {
    scope: 'pane',
    key,
    path: `panes[].${prop}`,
    label,
    codec,
    fallback: paneDefaults[prop],
    get: (p) => p[prop],
    set: (p, v) => {
      p[prop] = v;
    },
  };
}

/** Which panes the scene has, by letter; written first, it decides which pane rows are read. */
const panesRow: SceneField<PaneId[]> = {
  scope: 'scene',
  key: 'panes',
  path: 'panes[].id',
  label: 'models',
  codec: letters(PANE_IDS, LIMITS.panes.max),
  fallback: [PANE_IDS[0]],
  get: (s) => s.panes.map((p) => p.id),
  set: (s, ids) => {
    s.panes = ids.map((id) => defaultPane(id));
  },
};

/**
 * The v1 schema, in the order keys are written. Columns: key in the hash, path in the
 * store (for `pane` rows, in each pane), label for messages, codec (type and validation:
 * enums from fixed lists, numbers through LIMITS and `checkRange`), v1 default, and for the
 * text and the pasted numbers the key of their compressed form. Pane rows (scope 'pane') are written once per pane
 * as `<letter>.<key>`, all of pane A's, then B's, then C's. Steps, layers and units are
 * written counted from 1 (the `1` shift of `int`).
 */
export const SCENE_SCHEMA: readonly Field[] = [
  panesRow,
  pane('cell', 'cell', 'cell type', oneOf(CELL_TYPES)),
  pane('hidden', 'hiddenSize', 'hidden size', int(LIMITS.hiddenSize)),
  pane('layers', 'numLayers', 'number of layers', int(LIMITS.numLayers)),
  pane('seed', 'seed', 'weight seed', int(LIMITS.seed)),
  pane('init', 'init', 'initialisation', oneOf(INIT_SCHEMES)),
  pane('scale', 'weightScale', 'weight scale', decimal(LIMITS.weightScale)),
  pane('fbias', 'forgetBias', 'forget-gate bias', decimal(LIMITS.forgetBias)),
  pane('act', 'nonlinearity', 'RNN nonlinearity', oneOf(NONLINEARITIES)),
  pane('gru', 'convention', 'GRU convention', oneOf(GRU_CONVENTIONS)),
  pane('model', 'trained', 'trained model', slug(60)),
  pane('import', 'imported', 'imported model', slug(40)),
  pane('ifile', 'importName', 'imported model’s file', text({ min: 1, max: 200 })),
  pane('iv', 'interventions', 'interventions', interventionList),
  input('in', 'kind', 'input kind', oneOf(INPUT_KINDS)),
  input('text', 'text', 'input text', text(LIMITS.textLength), 'tz'),
  input('len', 'length', 'sequence length', int(LIMITS.sequenceLength)),
  input('nseed', 'seed', 'noise seed', int(LIMITS.seed)),
  input('task', 'task', 'task', oneOf(TASK_NAMES)),
  input('nums', 'numbers', 'input numbers', numbersText(LIMITS.numbersLength), 'nz'),
  top('t', 't', 'time step', int({ min: 1, max: LIMITS.sequenceLength.max })),
  top('speed', 'speed', 'speed', oneOfNumbers(SPEEDS, '×')),
  top('layer', 'layer', 'layer', int(SELECTION_LIMITS.layer, 1)),
  top('unit', 'unit', 'unit', int(SELECTION_LIMITS.unit, 1)),
  top('names', 'naming', 'gate names', oneOf(GATE_NAMINGS)),
  top('eqs', 'notation', 'equation notation', oneOf(EQUATION_NOTATIONS)),
  top('views', 'views', 'views shown', flags(VIEW_NAMES)),
  top('present', 'presentation', 'presentation mode', bool),
  top('noedit', 'editingHidden', 'hiding of the editing panels', bool),
  top('theme', 'theme', 'theme', oneOf(THEMES)),
  top('lesson', 'lesson', 'lesson', slug(40)),
  top('stop', 'stop', 'lesson stop', int({ min: 0, max: MAX_LESSON_STOPS - 1 }, 1)),
];

/** The rows about the whole scene, in table order. */
export const SCENE_FIELDS: readonly SceneField<unknown>[] = SCENE_SCHEMA.filter(
  (f): f is SceneField<unknown> => f.scope === 'scene',
);

/** The rows written once per pane, in table order. */
export const PANE_FIELDS: readonly PaneField<unknown>[] = SCENE_SCHEMA.filter(
  (f): f is PaneField<unknown> => f.scope === 'pane',
);

/** A fresh snapshot with every setting at its v1 default. */
export function defaultSnapshot(): SceneSnapshot {
  const scene = { input: {} } as SceneSnapshot;
  for (const row of SCENE_FIELDS) row.set(scene, row.fallback);
  return scene;
}

/** The snapshot part of a scene state (or a snapshot): plain data, no actions. */
export function snapshotOf(state: SceneSnapshot): SceneSnapshot {
  const scene = {} as Record<keyof SceneSnapshot, unknown>;
  for (const key of SNAPSHOT_KEYS) scene[key] = state[key];
  return scene as SceneSnapshot;
}
