/**
 * The linear read-out after an ONNX recurrent node: a MatMul (+ Add) or a Gemm whose
 * weights are stored, reached from the node's outputs through ops that only reshape,
 * slice or pick steps. tf2onnx unrolls a TimeDistributed Dense into one MatMul per step,
 * all sharing one weight: that is still one head.
 */
import { constantInput, tensorValues } from './tensor';
import type { OnnxGraph, OnnxNode, OnnxTensor } from './wire';

/** Ops that move or select values of the recurrent output without computing with them. */
const PASS_THROUGH = new Set([
  'Squeeze',
  'Unsqueeze',
  'Reshape',
  'Transpose',
  'Slice',
  'Gather',
  'Flatten',
  'Identity',
]);

/** A read-out found, or why none was taken (a note). */
export type HeadSearch =
  | { head: { weight: number[][]; bias: number[] }; note: string }
  | { head: null; note: string | null };

interface Linear {
  weight: OnnxTensor;
  bias: OnnxTensor | null;
  transposed: boolean;
  alpha: number;
  beta: number;
  op: string;
}

/** Every node reading each tensor name. */
export function consumers(graph: OnnxGraph): Map<string, OnnxNode[]> {
  const map = new Map<string, OnnxNode[]>();
  for (const node of graph.nodes) {
    for (const input of node.inputs) {
      if (input === '') continue;
      const list = map.get(input) ?? [];
      list.push(node);
      map.set(input, list);
    }
  }
  return map;
}

/** The nodes reached from `start`'s outputs through pass-through ops (not counting those). */
export function reachedFrom(start: OnnxNode, readers: Map<string, OnnxNode[]>): OnnxNode[] {
  const seen = new Set<OnnxNode>();
  const found: OnnxNode[] = [];
  const queue = [...start.outputs];
  while (queue.length > 0) {
    for (const node of readers.get(queue.pop()!) ?? []) {
      if (seen.has(node)) continue;
      seen.add(node);
      if (PASS_THROUGH.has(node.opType)) queue.push(...node.outputs);
      else found.push(node);
    }
  }
  return found;
}

/** A MatMul or Gemm node as a linear map, when its weight (and bias) are stored. */
function asLinear(
  graph: OnnxGraph,
  writers: Map<string, OnnxNode>,
  readers: Map<string, OnnxNode[]>,
  node: OnnxNode,
): Linear | null {
  const weight = constantInput(graph, writers, node.inputs[1] ?? '');
  if (!weight || weight.dims.length !== 2) return null;
  if (node.opType === 'Gemm') {
    const a = node.attributes;
    if ((a.get('transA')?.i ?? 0) !== 0) return null;
    return {
      weight,
      bias: constantInput(graph, writers, node.inputs[2] ?? ''),
      transposed: (a.get('transB')?.i ?? 0) !== 0,
      alpha: a.get('alpha')?.f ?? 1,
      beta: a.get('beta')?.f ?? 1,
      op: 'Gemm',
    };
  }
  if (node.opType !== 'MatMul') return null;
  const adds = readers.get(node.outputs[0] ?? '') ?? [];
  const add = adds.length === 1 && adds[0]!.opType === 'Add' ? adds[0]! : null;
  const other = add?.inputs.find((name) => name !== node.outputs[0]) ?? '';
  const bias = add ? constantInput(graph, writers, other) : null;
  return {
    weight,
    bias,
    transposed: false,
    alpha: 1,
    beta: 1,
    op: bias ? 'MatMul + Add' : 'MatMul',
  };
}

/**
 * Looks for the read-out after `last` whose input has `width` features (D·H). Takes it
 * only when every linear op found there uses the same stored weight and bias.
 */
export function findHead(
  graph: OnnxGraph,
  writers: Map<string, OnnxNode>,
  readers: Map<string, OnnxNode[]>,
  last: OnnxNode,
  width: number,
): HeadSearch {
  const next = reachedFrom(last, readers).filter(
    (n) => n.opType === 'MatMul' || n.opType === 'Gemm',
  );
  if (next.length === 0) return { head: null, note: null };
  const linears = next.map((n) => asLinear(graph, writers, readers, n));
  const first = linears[0] ?? null;
  const same = linears.every(
    (l) =>
      l !== null &&
      l.weight.name === first?.weight.name &&
      l.bias?.name === first.bias?.name &&
      l.op === first.op,
  );
  if (!first || !same) {
    return {
      head: null,
      note: 'The ops after the last recurrent node are not one stored linear map: no read-out taken.',
    };
  }
  const [rows, cols] = first.weight.dims as [number, number];
  const [inSize, outSize] = first.transposed ? [cols, rows] : [rows, cols];
  const values = tensorValues(first.weight);
  const biasValues = first.bias ? tensorValues(first.bias) : new Array<number>(outSize).fill(0);
  if (inSize !== width || biasValues.length !== outSize) {
    return {
      head: null,
      note: `A ${first.op} follows the last recurrent node, but its shape [${first.weight.dims.join(', ')}] does not read its ${width} outputs: no read-out taken.`,
    };
  }
  const weight = Array.from({ length: outSize }, (_, o) =>
    Array.from(
      { length: inSize },
      (_, k) => first.alpha * values[first.transposed ? o * inSize + k : k * outSize + o]! + 0,
    ),
  );
  const bias = biasValues.map((v) => first.beta * v + 0);
  const layout = first.transposed
    ? `[${outSize}][${inSize}] as stored`
    : `[${inSize}][${outSize}] transposed to [${outSize}][${inSize}]`;
  const scaled =
    first.alpha !== 1 || first.beta !== 1
      ? `, alpha=${first.alpha} and beta=${first.beta} folded in`
      : '';
  const shared = next.length > 1 ? ` (shared by ${next.length} ${first.op} ops, one per step)` : '';
  const biasNote = first.bias ? `bias "${first.bias.name}"` : 'no bias (zero)';
  return {
    head: { weight, bias },
    note: `Read-out: ${first.op}${shared}, weight "${first.weight.name}" ${layout}${scaled}; ${biasNote}.`,
  };
}
