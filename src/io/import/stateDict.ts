/**
 * A flat dict of named tensors (a PyTorch `state_dict`, a safetensors file) → one
 * {@link ImportedModel} per recurrent module: found by its keys (`<prefix>weight_ih_l0`,
 * `…_reverse`, `…weight_hr_l0`), its cell inferred from the row count (4H LSTM, 3H GRU,
 * H RNN), with the embedding before it and the linear head after it when the shapes chain.
 */
import type { CellType, ModelSpec, Nonlinearity, StateDict } from '../../engine';
import { findEmbedding, findHead, type LinkContext } from './stateDictLinks';
import { ImportError, type ImportedModel } from './types';

/** One tensor of the file: its name, shape, and its values read on demand. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  /**
   * The values, row-major (float32 values widen exactly to numbers); throws an
   * {@link ImportError} naming the file and the tensor when its data is damaged.
   */
  values(): Float64Array | Float32Array;
}

/** What a whole-module pickle records about one recurrent module (its prefix's key). */
export interface RecurrentHint {
  readonly cell: CellType;
  readonly nonlinearity?: Nonlinearity;
  /** The class and the attributes it was read from, for the notes ("nn.RNN, mode 'RNN_RELU'"). */
  readonly source: string;
}

/** How to describe and complete what the tensors cannot say. */
export interface StateDictContext {
  /** The file's name, for messages. */
  readonly file: string;
  /** The container in words: "PyTorch state dict (zip, torch ≥ 1.6)". */
  readonly format: string;
  /** Notes for every model of the file (storage devices, dtypes, where the state dict was). */
  readonly notes?: readonly string[];
  /** Recurrent modules' pickled attributes by prefix (`lstm.`). */
  readonly hints?: ReadonlyMap<string, RecurrentHint>;
  /** Module classes by prefix without the dot (`fc` → `torch.nn.modules.linear.Linear`). */
  readonly classes?: ReadonlyMap<string, string>;
  /** The vocabulary the file records beside the weights. */
  readonly vocabulary?: string[];
}

const RECURRENT_KEY = /^(.*?)weight_ih_l(\d+)(_reverse)?$/;
const CELLS: Readonly<Record<number, CellType>> = { 1: 'rnn', 3: 'gru', 4: 'lstm' };
const CLASS_NAMES: Readonly<Record<CellType, string>> = { rnn: 'RNN', gru: 'GRU', lstm: 'LSTM' };

/** At most this many keys are listed in a message. */
const LISTED_KEYS = 8;

/** The file's keys for a message: the first few, then how many more. */
export function listKeys(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_KEYS).join(', ');
  return names.length > LISTED_KEYS ? `${shown}, … (${names.length} tensors)` : shown;
}

/**
 * Every recurrent module of `tensors`, in file order. Throws {@link ImportError} naming the
 * file when there is none ("…, but no recurrent layer in it; keys: …"), when a module's
 * tensors do not have the shapes of one cell, or when a tensor's data is damaged.
 */
export function modelsFromStateDict(
  tensors: readonly NamedTensor[],
  ctx: StateDictContext,
): ImportedModel[] {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const prefixes: string[] = [];
  for (const t of tensors) {
    const m = RECURRENT_KEY.exec(t.name);
    if (m && !prefixes.includes(m[1]!)) prefixes.push(m[1]!);
  }
  if (prefixes.length === 0) {
    throw new ImportError(
      `${ctx.file}: a ${ctx.format} file, but no recurrent layer in it (no <module>.weight_ih_l0 tensor); keys: ${listKeys(tensors.map((t) => t.name)) || 'none'}.`,
    );
  }
  return prefixes.map((prefix) => {
    const at = tensors.findIndex((t) => t.name.startsWith(prefix));
    const links: LinkContext = { tensors, at, recurrent: prefixes, classes: ctx.classes };
    return readModule(prefix, byName, ctx, links, prefixes);
  });
}

/** `length` values of `v` from `start` as a plain array of exactly that length. */
function plain(v: ArrayLike<number>, start: number, length: number): number[] {
  const out = new Array<number>(length);
  for (let j = 0; j < length; j++) out[j] = v[start + j]!;
  return out;
}

/** A vector tensor as a plain array (float64 values exactly as read). */
const vector = (t: NamedTensor): number[] => plain(t.values(), 0, t.shape[0]!);

/** Rows of a [R][C] tensor as plain arrays (float64 values exactly as read). */
function rows(t: NamedTensor): number[][] {
  const v = t.values();
  const [r, c] = t.shape as [number, number];
  return Array.from({ length: r }, (_, i) => plain(v, i * c, c));
}

function readModule(
  prefix: string,
  byName: ReadonlyMap<string, NamedTensor>,
  ctx: StateDictContext,
  links: LinkContext,
  prefixes: readonly string[],
): ImportedModel {
  const name = prefix.replace(/\.$/, '');
  const label = name ? `'${name}'` : '(the file root)';
  const fail = (what: string): never => {
    throw new ImportError(`${ctx.file}: recurrent module ${label}: ${what}`);
  };
  const shapeOf = (key: string): readonly number[] | undefined => byName.get(prefix + key)?.shape;
  const show = (s: readonly number[] | undefined): string => (s ? `[${s.join(', ')}]` : 'missing');

  const ih0 = shapeOf('weight_ih_l0');
  const hh0 = shapeOf('weight_hh_l0');
  if (ih0?.length !== 2 || hh0?.length !== 2) {
    return fail(`weight_ih_l0 ${show(ih0)} and weight_hh_l0 ${show(hh0)} are not two matrices.`);
  }
  const hr0 = shapeOf('weight_hr_l0');
  const hiddenSize = hr0 ? hr0[1]! : hh0[1]!;
  const projSize = hr0 ? hr0[0]! : 0;
  const gates = ih0[0]! / hiddenSize;
  const hint = ctx.hints?.get(prefix);
  const cell = hint?.cell ?? CELLS[gates];
  if (!cell || !Number.isInteger(gates) || (hint && gates !== gatesOf(hint.cell))) {
    return fail(
      `weight_ih_l0 has ${ih0[0]} rows for a hidden size of ${hiddenSize}; expected ${hint ? `${gatesOf(hint.cell)}H for the pickled nn.${CLASS_NAMES[hint.cell]}` : 'H (RNN), 3H (GRU) or 4H (LSTM)'}.`,
    );
  }
  if (projSize && cell !== 'lstm') fail(`weight_hr_l0 (projections) on a ${cell}.`);
  const bidirectional = byName.has(`${prefix}weight_ih_l0_reverse`);
  let numLayers = 0;
  while (byName.has(`${prefix}weight_ih_l${numLayers}`)) numLayers++;
  const hasBias = byName.has(`${prefix}bias_ih_l0`);
  const inputSize = ih0[1]!;
  const out = projSize || hiddenSize;
  const dirs = bidirectional ? 2 : 1;
  const G = gatesOf(cell) * hiddenSize;

  const params: StateDict = {};
  const used = new Set<string>();
  const take = (key: string, expected: number[]): void => {
    const t = byName.get(prefix + key);
    if (!t) {
      if (!hasBias && key.startsWith('bias_')) {
        params[key] = new Array<number>(expected[0]!).fill(0);
        return;
      }
      return fail(`${key} is missing (expected shape [${expected.join(', ')}]).`);
    }
    if (t.shape.length !== expected.length || t.shape.some((d, k) => d !== expected[k])) {
      return fail(`${key} has shape ${show(t.shape)}; expected [${expected.join(', ')}].`);
    }
    used.add(t.name);
    params[key] = expected.length === 2 ? rows(t) : vector(t);
  };
  for (let l = 0; l < numLayers; l++) {
    for (const sfx of bidirectional ? ['', '_reverse'] : ['']) {
      take(`weight_ih_l${l}${sfx}`, [G, l === 0 ? inputSize : out * dirs]);
      take(`weight_hh_l${l}${sfx}`, [G, out]);
      take(`bias_ih_l${l}${sfx}`, [G]);
      take(`bias_hh_l${l}${sfx}`, [G]);
      if (projSize) take(`weight_hr_l${l}${sfx}`, [projSize, hiddenSize]);
    }
  }

  const spec: ModelSpec = { cell, inputSize, hiddenSize, numLayers };
  if (bidirectional) spec.bidirectional = true;
  if (projSize) spec.projSize = projSize;
  const assumed: (keyof ModelSpec)[] = [];
  const cls = `nn.${CLASS_NAMES[cell]}`;
  const notes = [...(ctx.notes ?? [])];
  notes.push(
    `${cls} ${label}: ${numLayers} layer${numLayers > 1 ? 's' : ''}, input ${inputSize}, hidden ${hiddenSize}${projSize ? `, proj_size ${projSize}` : ''}${bidirectional ? ', bidirectional (…_reverse weights)' : ''}; PyTorch's own layout, nothing converted.`,
  );
  notes.push(
    hint
      ? `Cell from the pickled ${hint.source}.`
      : `Cell inferred from the shapes: weight_ih_l0 has ${ih0[0]} rows = ${gates} × ${hiddenSize} (${cls}).`,
  );
  if (cell === 'rnn') {
    if (hint?.nonlinearity) spec.nonlinearity = hint.nonlinearity;
    else {
      spec.nonlinearity = 'tanh';
      assumed.push('nonlinearity');
      notes.push(
        "A state dict does not record an nn.RNN's nonlinearity: assumed tanh (PyTorch's default); choose relu if the model was built with nonlinearity='relu'.",
      );
    }
  }
  if (!hasBias) notes.push('bias=False: the biases are zeros.');
  const unused = [...byName.keys()].filter(
    (k) => k.startsWith(prefix) && !used.has(k) && !k.slice(prefix.length).includes('.'),
  );
  if (prefix && unused.length) notes.push(`Not used from ${label}: ${listKeys(unused)}.`);

  const model: ImportedModel = {
    name: name || cell,
    spec,
    params,
    assumed,
    format: ctx.format,
    notes,
  };
  const embedding = findEmbedding(links, inputSize);
  if (embedding) {
    model.embedding = rows(byName.get(dot(embedding.module) + 'weight')!);
    notes.push(linkNote('Embedding', embedding, `${model.embedding.length} × ${inputSize}`));
  }
  const head = findHead(links, out * dirs, embedding?.module);
  if (head) {
    const weight = rows(byName.get(dot(head.module) + 'weight')!);
    const bias = byName.get(dot(head.module) + 'bias');
    const O = weight.length;
    const biasOk = bias?.shape.length === 1 && bias.shape[0] === O;
    model.head = { weight, bias: biasOk ? vector(bias) : new Array<number>(O).fill(0) };
    notes.push(linkNote('Read-out', head, `${out * dirs} → ${O}`) + (biasOk ? '' : ' (no bias)'));
  }
  const next = prefixes.find(
    (p) => p !== prefix && byName.get(`${p}weight_ih_l0`)?.shape[1] === out * dirs,
  );
  if (next)
    notes.push(`Its outputs (${out * dirs}) have the input size of '${next.replace(/\.$/, '')}'.`);
  if (ctx.vocabulary) model.vocabulary = ctx.vocabulary;
  return model;
}

const gatesOf = (cell: CellType): number => (cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1);
const dot = (module: string): string => (module ? `${module}.` : '');

function linkNote(
  kind: string,
  link: { module: string; others: readonly string[] },
  size: string,
): string {
  const alt = link.others.length
    ? ` (chosen among ${[link.module, ...link.others].map((m) => `'${m}'`).join(', ')}, whose shapes all chain: by class, name and file order)`
    : '';
  return `${kind} '${link.module}' (${size})${alt}.`;
}
