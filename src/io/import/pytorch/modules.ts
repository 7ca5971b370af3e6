/**
 * Where the tensors are in what `torch.load` would return: a state dict (a dict of
 * tensors), a checkpoint (the state dict under 'model', 'state_dict', … beside optimizer
 * state and a vocabulary), or a whole pickled module, whose `_modules` tree is walked for
 * `_parameters` and `_buffers`, and whose recurrent modules keep their pickled attributes.
 */
import type { RecurrentHint } from '../stateDict';
import { isObject, type PyObject, type PyValue } from './pickle';
import type { Tensor } from './storages';

/** The flat state dict found in a file, and what else the file says about it. */
export interface FoundStateDict {
  /** Tensors by their state-dict name, in file order. */
  readonly tensors: readonly (readonly [string, Tensor])[];
  /** 'state dict', 'checkpoint', 'whole-module pickle'. */
  readonly kind: string;
  /** Where it was ("under 'model'", "of __main__.Net"), for the notes. */
  readonly where: string;
  readonly hints: ReadonlyMap<string, RecurrentHint>;
  readonly classes: ReadonlyMap<string, string>;
  readonly vocabulary?: string[];
}

/** Module nesting or dict nesting followed at most (a hostile pickle may nest deeper). */
const MAX_DEPTH = 64;

/** Checkpoint keys that hold the model, in the order they are tried. */
const MODEL_KEYS = [
  'model_state_dict',
  'state_dict',
  'model',
  'model_state',
  'net',
  'network',
  'module',
  'net_state_dict',
  'weights',
  'params',
];

/** Checkpoint keys that hold the input vocabulary. */
const VOCAB_KEYS = [
  'chars',
  'vocab',
  'vocabulary',
  'itos',
  'idx2char',
  'int2char',
  'char2idx',
  'stoi',
  'char_to_idx',
  'word2idx',
  'tokens',
];

const isTensor = (v: PyValue | undefined): v is Tensor =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Tensor).kind === 'tensor';

/** The instance dict of a pickled module, when `v` is one (it has `_modules`). */
function moduleState(v: PyValue | undefined): Map<PyValue, PyValue> | undefined {
  if (!isObject(v) || !(v.state instanceof Map)) return undefined;
  return v.state.has('_modules') || v.state.has('_parameters') ? v.state : undefined;
}

const isTensorDict = (v: PyValue | undefined): v is Map<PyValue, PyValue> =>
  v instanceof Map && [...v.values()].some(isTensor);

/** The state dict in `root`, or undefined when there is none; `what` names the root's type. */
export function findStateDict(root: PyValue): FoundStateDict | undefined {
  if (moduleState(root)) return fromModule(root as PyObject, 'whole-module pickle', '');
  if (isTensorDict(root)) return fromDict(root, 'state dict', '');
  if (!(root instanceof Map)) return undefined;
  const keys = [...root.keys()];
  const ordered = [
    ...MODEL_KEYS.filter((k) => root.has(k)),
    ...keys.filter((k): k is string => typeof k === 'string' && !MODEL_KEYS.includes(k)),
  ];
  const vocabulary = findVocabulary(root);
  for (const key of ordered) {
    const v = root.get(key);
    const where = ` under '${key}'`;
    let found: FoundStateDict | undefined;
    if (moduleState(v)) found = fromModule(v as PyObject, 'checkpoint', where);
    else if (isTensorDict(v) && hasRecurrentKey(v)) found = fromDict(v, 'checkpoint', where);
    if (found) return vocabulary ? { ...found, vocabulary } : found;
  }
  return undefined;
}

/** A short description of a value's type for messages ("a list", "a __main__.Foo"). */
export function describe(v: PyValue): string {
  if (isObject(v)) return `a ${v.cls} object`;
  if (v instanceof Map)
    return `a dict with keys ${[...v.keys()].slice(0, 6).map(String).join(', ')}`;
  if (Array.isArray(v)) return `a list or tuple of ${v.length}`;
  if (isTensor(v)) return 'a single tensor';
  return `a ${v === null ? 'None' : typeof v}`;
}

const hasRecurrentKey = (d: Map<PyValue, PyValue>): boolean =>
  [...d.keys()].some((k) => typeof k === 'string' && /weight_ih_l\d+$/.test(k));

function fromDict(d: Map<PyValue, PyValue>, kind: string, where: string): FoundStateDict {
  const tensors: [string, Tensor][] = [];
  for (const [k, v] of d) if (typeof k === 'string' && isTensor(v)) tensors.push([k, v]);
  return { tensors, kind, where, hints: new Map(), classes: new Map() };
}

function fromModule(root: PyObject, kind: string, where: string): FoundStateDict {
  const tensors: [string, Tensor][] = [];
  const hints = new Map<string, RecurrentHint>();
  const classes = new Map<string, string>();
  const seen = new Set<PyValue>();
  const walk = (module: PyValue, prefix: string, depth: number): void => {
    const state = moduleState(module);
    if (!state || depth > MAX_DEPTH || seen.has(module)) return;
    seen.add(module);
    const cls = (module as PyObject).cls;
    if (prefix) classes.set(prefix.slice(0, -1), cls);
    const hint = recurrentHint(cls, state);
    if (hint) hints.set(prefix, hint);
    for (const group of ['_parameters', '_buffers']) {
      const entries = state.get(group);
      if (!(entries instanceof Map)) continue;
      for (const [k, v] of entries)
        if (typeof k === 'string' && isTensor(v)) tensors.push([prefix + k, v]);
    }
    const children = state.get('_modules');
    if (children instanceof Map) {
      for (const [k, child] of children)
        if (typeof k === 'string') walk(child, `${prefix}${k}.`, depth + 1);
    }
  };
  walk(root, '', 0);
  return { tensors, kind, where: `${where} (of ${root.cls})`, hints, classes };
}

/** What a pickled `torch.nn.modules.rnn.{RNN,LSTM,GRU}` records about its cell. */
function recurrentHint(cls: string, state: Map<PyValue, PyValue>): RecurrentHint | undefined {
  if (!cls.startsWith('torch.nn.modules.rnn.')) return undefined;
  const mode = state.get('mode');
  const nonlinearity = state.get('nonlinearity');
  const source = `nn.${cls.slice('torch.nn.modules.rnn.'.length)} (mode '${String(mode)}')`;
  if (mode === 'LSTM') return { cell: 'lstm', source };
  if (mode === 'GRU') return { cell: 'gru', source };
  if (mode === 'RNN_TANH' || mode === 'RNN_RELU') {
    const nl = mode === 'RNN_RELU' || nonlinearity === 'relu' ? 'relu' : 'tanh';
    return { cell: 'rnn', nonlinearity: nl, source: `${source}, nonlinearity '${nl}'` };
  }
  return undefined;
}

/** A checkpoint's vocabulary: a list or string of tokens, or a token → index dict. */
function findVocabulary(root: Map<PyValue, PyValue>): string[] | undefined {
  for (const key of VOCAB_KEYS) {
    const v = root.get(key);
    if (typeof v === 'string' && v.length > 0) return Array.from(v);
    if (Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string'))
      return v as string[];
    if (v instanceof Map && v.size > 0) {
      // token → index: indices 0 … size−1, each once, give the list in index order.
      const out = new Array<string>(v.size);
      const seen = new Set<number>();
      for (const [token, index] of v) {
        if (typeof token !== 'string' || typeof index !== 'number' || !Number.isInteger(index))
          break;
        if (index < 0 || index >= v.size || seen.has(index)) break;
        seen.add(index);
        out[index] = token;
      }
      if (seen.size === v.size) return out;
    }
  }
  return undefined;
}
