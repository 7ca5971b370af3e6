/**
 * Runs an imported model on xs. Where the engine runs the spec, with the engine; where it
 * does not yet (bidirectional layers, projections; the engine's support lands separately),
 * with an exact composition that PyTorch's definitions give: each layer and direction as
 * a one-layer unidirectional engine model (the reverse direction on the reversed
 * sequence), layer l+1 reading [forward h, backward h]; and for projections, the LSTM
 * equations with h = W_hr (o ⊙ tanh c) written out here.
 */
import { createModel, forward, type ModelSpec, type StateDict } from '../../../src/engine';
import type { ImportedModel } from '../../../src/io/import';
import type { Outputs } from './realModels';

const toRows = (rows: ArrayLike<ArrayLike<number>>): number[][] =>
  Array.from(rows, (r) => Array.from(r));

/** True when the engine builds this spec (false: it refuses it as not supported yet). */
export function engineRuns(spec: ModelSpec, params: StateDict): boolean {
  try {
    createModel(spec, params);
    return true;
  } catch (e) {
    if (/not supported yet/.test((e as Error).message)) return false;
    throw e;
  }
}

/** The model's outputs, hT (and cT) on xs, in PyTorch's layouts. */
export function runImported(
  model: Pick<ImportedModel, 'spec' | 'params'>,
  xs: number[][],
): Outputs {
  const { spec, params } = model;
  if (engineRuns(spec, params)) {
    const trace = forward(createModel(spec, params), xs);
    return {
      outputs: toRows(trace.outputs),
      hT: toRows(trace.hT),
      cT: trace.cT && toRows(trace.cT),
    };
  }
  const dirs = spec.bidirectional ? ['', '_reverse'] : [''];
  let input = xs;
  const hT: number[][] = [];
  const cT: number[][] = [];
  for (let l = 0; l < spec.numLayers; l++) {
    const perDir = dirs.map((sfx) => {
      const p = (k: string) => params[`${k}_l${l}${sfx}`]!;
      const seq = sfx ? [...input].reverse() : input;
      const names = ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'];
      const one = Object.fromEntries(names.map((k) => [`${k}_l0`, p(k)])) as StateDict;
      const run = spec.projSize
        ? lstmWithProjection(one, p('weight_hr') as number[][], seq)
        : engineLayer(
            { ...spec, numLayers: 1, bidirectional: false, inputSize: seq[0]!.length },
            one,
            seq,
          );
      return { ...run, outputs: sfx ? [...run.outputs].reverse() : run.outputs };
    });
    input = input.map((_, t) => perDir.flatMap((d) => d.outputs[t]!));
    for (const d of perDir) {
      hT.push(d.hT);
      if (d.cT) cT.push(d.cT);
    }
  }
  return { outputs: input, hT, cT: spec.cell === 'lstm' ? cT : undefined };
}

function engineLayer(spec: ModelSpec, params: StateDict, xs: number[][]) {
  const trace = forward(createModel(spec, params), xs);
  return {
    outputs: toRows(trace.outputs),
    hT: Array.from(trace.hT[0]!),
    cT: trace.cT && Array.from(trace.cT[0]!),
  };
}

const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a));
const matVec = (W: number[][], v: number[]): number[] =>
  W.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));

/** PyTorch's LSTM with proj_size, one layer, one direction (torch.nn.LSTM's documented equations). */
function lstmWithProjection(p: StateDict, Whr: number[][], xs: number[][]) {
  const Wih = p.weight_ih_l0 as number[][];
  const Whh = p.weight_hh_l0 as number[][];
  const b = (p.bias_ih_l0 as number[]).map((v, k) => v + (p.bias_hh_l0 as number[])[k]!);
  const H = Wih.length / 4;
  let h = new Array<number>(Whr.length).fill(0);
  let c = new Array<number>(H).fill(0);
  const outputs: number[][] = [];
  for (const x of xs) {
    const recurrent = matVec(Whh, h);
    const a = matVec(Wih, x).map((v, k) => v + recurrent[k]! + b[k]!);
    const gate = (g: number, f: (v: number) => number) => a.slice(g * H, (g + 1) * H).map(f);
    const [i, f, g, o] = [gate(0, sigmoid), gate(1, sigmoid), gate(2, Math.tanh), gate(3, sigmoid)];
    c = c.map((cv, k) => f[k]! * cv + i[k]! * g[k]!);
    h = matVec(
      Whr,
      o.map((ov, k) => ov * Math.tanh(c[k]!)),
    );
    outputs.push(h);
  }
  return { outputs, hT: h, cT: c };
}
