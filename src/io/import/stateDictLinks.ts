/**
 * Which `nn.Embedding` feeds a recurrent module and which `nn.Linear` reads it out, in a
 * flat dict of named tensors: by shape first (the sizes must chain), then by the module's
 * class when a whole-module pickle records it, then by name, then by file order.
 */

/** The shape and place of one tensor, as the linker needs them. */
export interface TensorShape {
  readonly name: string;
  readonly shape: readonly number[];
}

/** A module chosen to feed or read out a recurrent module, and why. */
export interface Link {
  /** The module's prefix without its dot (`embedding`, `fc`). */
  readonly module: string;
  /** Other modules that fit the shapes as well, when there were any (for the notes). */
  readonly others: readonly string[];
}

const EMBEDDING_NAME = /emb|encoder|lookup|token|wte|vocab/i;
const HEAD_NAME = /fc|linear|decoder|out|head|classif|dense|proj|pred|logit|score/i;
const NOT_HEAD_NAME = /attn|attention|gate|norm/i;

interface Candidate {
  readonly module: string;
  readonly index: number;
  readonly score: number;
}

/** The module prefix of `<module>.weight` ('' when the key is a bare `weight`). */
const moduleOf = (name: string): string | undefined =>
  name === 'weight' ? '' : name.endsWith('.weight') ? name.slice(0, -'.weight'.length) : undefined;

/**
 * The best of the candidates (highest score, then nearest to the recurrent module in file
 * order), or undefined; `others` lists the rest.
 */
function best(candidates: Candidate[], at: number): Link | undefined {
  if (candidates.length === 0) return undefined;
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || Math.abs(a.index - at) - Math.abs(b.index - at),
  );
  return { module: sorted[0]!.module, others: sorted.slice(1).map((c) => c.module) };
}

/** Options shared by both searches. */
export interface LinkContext {
  /** Every tensor of the file, in file order. */
  readonly tensors: readonly TensorShape[];
  /** Index (in `tensors`) of the recurrent module's first tensor. */
  readonly at: number;
  /** Prefixes of recurrent modules (never an embedding or a head). */
  readonly recurrent: readonly string[];
  /** Module classes by prefix, when the file records them (whole-module pickles). */
  readonly classes?: ReadonlyMap<string, string>;
}

const isRecurrent = (module: string, ctx: LinkContext): boolean =>
  ctx.recurrent.some((p) => (module ? `${module}.` : '') === p);

const classOf = (module: string, ctx: LinkContext): string | undefined =>
  ctx.classes?.get(module)?.replace(/^.*\./, '');

/**
 * The embedding [V][E] that feeds a module whose input size is `inputSize`: a 2-D
 * `<m>.weight` with E columns and no bias, that the module class (Embedding) or the name
 * (embedding, embed, encoder, …) marks as one, or that comes before the recurrent module.
 */
export function findEmbedding(ctx: LinkContext, inputSize: number): Link | undefined {
  const names = new Set(ctx.tensors.map((t) => t.name));
  const found: Candidate[] = [];
  ctx.tensors.forEach((t, index) => {
    const module = moduleOf(t.name);
    if (module === undefined || t.shape.length !== 2 || t.shape[1] !== inputSize) return;
    if (isRecurrent(module, ctx)) return;
    const cls = classOf(module, ctx);
    if (cls !== undefined && cls !== 'Embedding') return;
    if (cls === undefined && names.has(module ? `${module}.bias` : 'bias')) return;
    const score = (cls === 'Embedding' ? 4 : 0) + (EMBEDDING_NAME.test(module) ? 2 : 0);
    if (score === 0 && index > ctx.at) return;
    found.push({ module, index, score });
  });
  return best(found, ctx.at);
}

/**
 * The linear head [O][outSize] (+ bias [O]) that reads a module's outputs: a 2-D
 * `<m>.weight` with outSize columns that the class (Linear) or the name (fc, linear,
 * decoder, …) marks as one, or that comes after the recurrent module. `exclude` is the
 * embedding already chosen.
 */
export function findHead(ctx: LinkContext, outSize: number, exclude?: string): Link | undefined {
  const found: Candidate[] = [];
  ctx.tensors.forEach((t, index) => {
    const module = moduleOf(t.name);
    if (module === undefined || module === exclude || t.shape.length !== 2) return;
    if (t.shape[1] !== outSize || isRecurrent(module, ctx)) return;
    const cls = classOf(module, ctx);
    if (cls !== undefined && cls !== 'Linear') return;
    const leaf = module.slice(module.lastIndexOf('.') + 1);
    const score =
      (cls === 'Linear' ? 4 : 0) +
      (HEAD_NAME.test(leaf) ? 2 : 0) -
      (NOT_HEAD_NAME.test(module) ? 3 : 0) +
      (index > ctx.at ? 1 : 0);
    if (score <= 0) return;
    found.push({ module, index, score });
  });
  return best(found, ctx.at);
}
