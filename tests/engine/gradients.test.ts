/**
 * backward against central finite differences of forward, in float64, for every cell and
 * convention, with one and two layers. The loss is L = Σ_t Σ_j w[t][j]·outputs[t][j]
 * (+ Σ dhT·hT + Σ dcT·cT when final seeds are given), w = dOutputs random.
 *
 * Central differences with step h have truncation error O(h²·f''') ≈ 1e-13 and round-off
 * about ε·|L|/h ≈ 1e-9 here, so agreement to 1e-6 relative with a 1e-8 absolute floor is
 * what correct gradients give and what a wrong term (a missing path, a sign, a transposed
 * block) cannot.
 */
import { describe, expect, it } from 'vitest';
import { backward, createModel, forward, initParams } from '../../src/engine';
import type { Gradients, Model, ModelSpec, StateDict, Trace } from '../../src/engine';
import {
  CONFIGS,
  type CellConfig,
  type FinalSeeds,
  type GradView,
  type InitState,
  centralDiff,
  dot,
  entryCount,
  getEntry,
  gradView,
  gateRows,
  layerModel,
  lossOf,
  makeSpec,
  minAbsPre,
  mismatches,
  paramNames,
  perturbed,
  randMatrix,
  rng,
  row,
  rows,
  runFrom,
  stateEntering,
  traceView,
} from './support';

const STEP = 1e-6;
const RTOL = 1e-6;
const ATOL = 1e-8;

interface Case {
  spec: ModelSpec;
  sd: StateDict;
  model: Model;
  xs: number[][];
  init: InitState;
  w: number[][];
  final: FinalSeeds | undefined;
  trace: Trace;
  grads: Gradients;
}

/**
 * Random data and parameters for one configuration. For the relu RNN the draw is
 * repeated until every pre-activation is at least 1e-3 from the kink, far more than a
 * 1e-6 perturbation can move it, so the loss is smooth where it is differentiated.
 */
function makeCase(
  cfg: CellConfig,
  sizes: { I: number; H: number; L: number; T: number },
  withSeeds: boolean,
  seed: number,
): Case {
  const { I, H, L, T } = sizes;
  const lstm = cfg.cell === 'lstm';
  for (let attempt = 0; attempt < 100; attempt++) {
    const rand = rng(seed * 7919 + attempt);
    const spec = makeSpec(cfg, I, H, L);
    const sd = initParams(spec, { seed: seed + attempt, weightScale: 1.5 });
    const xs = randMatrix(rand, T, I, 1.5);
    const init: InitState = lstm
      ? { h0: randMatrix(rand, L, H, 0.8), c0: randMatrix(rand, L, H, 1.5) }
      : { h0: randMatrix(rand, L, H, 0.8) };
    const w = randMatrix(rand, T, H);
    let final: FinalSeeds | undefined;
    if (withSeeds) {
      final = lstm
        ? { dhT: randMatrix(rand, L, H), dcT: randMatrix(rand, L, H) }
        : { dhT: randMatrix(rand, L, H) };
    }
    const model = createModel(spec, sd);
    const trace = forward(model, xs, init);
    if (cfg.nonlinearity === 'relu' && minAbsPre(trace) < 1e-3) continue;
    const grads = backward(model, trace, w, final);
    return { spec, sd, model, xs, init, w, final, trace, grads };
  }
  throw new Error('no draw kept the relu pre-activations away from 0');
}

/** L for the case with some of its inputs replaced. */
function lossWith(c: Case, patch: { sd?: StateDict; xs?: number[][]; init?: InitState }): number {
  const model = patch.sd ? createModel(c.spec, patch.sd) : c.model;
  const trace = forward(model, patch.xs ?? c.xs, patch.init ?? c.init);
  return lossOf(trace, c.w, c.final);
}

/** Copy of a matrix with `delta` added at [i][j]. */
function bump(m: number[][], i: number, j: number, delta: number): number[][] {
  return m.map((r, a) => (a === i ? r.map((x, b) => (b === j ? x + delta : x)) : [...r]));
}

/** Finite-difference gradient of L with respect to every entry of a matrix input. */
function fdMatrix(m: number[][], lossAt: (bumped: number[][]) => number): number[] {
  const out: number[] = [];
  m.forEach((r, i) =>
    r.forEach((_, j) => out.push(centralDiff((eps) => lossAt(bump(m, i, j, eps)), STEP))),
  );
  return out;
}

/**
 * L as a function of h_t of layer l alone (c_t held as it is): the exact split of the
 * sequence at step t. Layers above l redo step t with the changed input, the top layer's
 * h_t meets w[t], and the whole model then runs xs[t+1..] from the new states.
 */
function lossFromPerturbedH(c: Case, l: number, t: number, k: number, eps: number): number {
  const L = c.spec.numLayers;
  const lstm = c.spec.cell === 'lstm';
  const h = Array.from({ length: L }, (_, m) => row(gateRows(c.trace, m, 'h')[t]));
  const cs = lstm ? Array.from({ length: L }, (_, m) => row(gateRows(c.trace, m, 'c')[t])) : [];
  const hl = h[l];
  if (hl === undefined) throw new Error('bad layer');
  hl[k] = (hl[k] ?? NaN) + eps;
  for (let m = l + 1; m < L; m++) {
    const prev = stateEntering(c.spec, c.init, c.trace, m, t);
    const below = h[m - 1];
    if (below === undefined) throw new Error('bad layer');
    const step = traceView(
      runFrom(layerModel(c.spec, c.sd, m), c.spec, [below], [prev.h], prev.c ? [prev.c] : []),
    );
    h[m] = row(step.hT[0]);
    if (lstm) cs[m] = row(step.cT?.[0]);
  }
  let total = dot([c.w[t] ?? []], [h[L - 1] ?? []]);
  const rest = c.xs.slice(t + 1);
  if (rest.length > 0) {
    total += lossOf(runFrom(c.model, c.spec, rest, h, cs), c.w.slice(t + 1), c.final);
  } else {
    if (c.final?.dhT) total += dot(c.final.dhT, h);
    if (c.final?.dcT) total += dot(c.final.dcT, cs);
  }
  return total;
}

const flat = (m: ArrayLike<ArrayLike<number>> | undefined): number[] => rows(m).flat();

for (const cfg of CONFIGS) {
  const lstm = cfg.cell === 'lstm';
  describe(`gradients: ${cfg.name}`, () => {
    for (const L of [1, 2]) {
      for (const withSeeds of [false, true]) {
        const label = `${L} layer${L > 1 ? 's' : ''}, ${withSeeds ? 'with' : 'without'} final seeds`;
        let cached: Case | undefined;
        // Built on first use, so an engine error fails the tests rather than the file.
        const get = (): { c: Case; g: GradView } => {
          cached ??= makeCase(
            cfg,
            { I: 3, H: 4, L, T: 5 },
            withSeeds,
            11 * L + (withSeeds ? 1 : 0),
          );
          return { c: cached, g: gradView(cached.grads) };
        };

        it(`d/dxs (${label})`, () => {
          const { c, g } = get();
          const fd = fdMatrix(c.xs, (xs) => lossWith(c, { xs }));
          expect(mismatches('xs', flat(g.xs), fd, RTOL, ATOL)).toEqual([]);
        });

        it(`d/dh0${lstm ? ' and d/dc0' : ''} (${label})`, () => {
          const { c, g } = get();
          const h0 = c.init.h0 ?? [];
          const fdH = fdMatrix(h0, (b) => lossWith(c, { init: { ...c.init, h0: b } }));
          expect(mismatches('h0', flat(g.h0), fdH, RTOL, ATOL)).toEqual([]);
          if (lstm) {
            const c0 = c.init.c0 ?? [];
            const fdC = fdMatrix(c0, (b) => lossWith(c, { init: { ...c.init, c0: b } }));
            expect(mismatches('c0', flat(g.c0), fdC, RTOL, ATOL)).toEqual([]);
          }
        });

        it(`layers[l].dh = dL/dh_t through every path, by splitting the sequence (${label})`, () => {
          const { c, g } = get();
          const bad: string[] = [];
          for (let l = 0; l < L; l++) {
            const dh = rows(g.layers[l]?.dh);
            expect(dh.length).toBe(c.xs.length);
            for (let t = 0; t < c.xs.length; t++) {
              const fd = Array.from({ length: c.spec.hiddenSize }, (_, k) =>
                centralDiff((eps) => lossFromPerturbedH(c, l, t, k, eps), STEP),
              );
              bad.push(...mismatches(`layers[${l}].dh[${t}]`, row(dh[t]), fd, RTOL, ATOL));
            }
          }
          expect(bad).toEqual([]);
        });

        it(`top layer's dh at the last step is dOutputs[T-1] + dhT (${label})`, () => {
          const { c, g } = get();
          const top = rows(g.layers[L - 1]?.dh);
          const expected = row(c.w[c.xs.length - 1]).map(
            (x, j) => x + (c.final?.dhT?.[L - 1]?.[j] ?? 0),
          );
          expect(mismatches('dh[T-1]', row(top[top.length - 1]), expected, 1e-12, 1e-14)).toEqual(
            [],
          );
        });
      }

      it(`sampled entries of every parameter (${L} layers, with seeds)`, () => {
        const c = makeCase(cfg, { I: 3, H: 4, L, T: 5 }, true, 101 + L);
        const rand = rng(5 + L);
        const g = gradView(c.grads);
        const names = paramNames(L);
        expect(Object.keys(g.params).sort()).toEqual([...names].sort());
        const bad: string[] = [];
        for (const name of names) {
          const v = c.sd[name];
          const gv = g.params[name];
          if (v === undefined || gv === undefined) throw new Error(`missing ${name}`);
          const n = entryCount(v);
          const picks = new Set(Array.from({ length: 6 }, () => Math.floor(rand() * n)));
          for (const i of picks) {
            const fd = centralDiff((eps) => lossWith(c, { sd: perturbed(c.sd, name, i, eps) }));
            bad.push(...mismatches(`${name}#${i}`, [getEntry(gv, i)], [fd], RTOL, ATOL));
          }
        }
        expect(bad).toEqual([]);
      });

      it(`every entry of every parameter of a tiny model (${L} layers, with seeds)`, () => {
        const c = makeCase(cfg, { I: 2, H: 2, L, T: 3 }, true, 201 + L);
        const g = gradView(c.grads);
        const bad: string[] = [];
        for (const name of paramNames(L)) {
          const v = c.sd[name];
          const gv = g.params[name];
          if (v === undefined || gv === undefined) throw new Error(`missing ${name}`);
          for (let i = 0; i < entryCount(v); i++) {
            const fd = centralDiff((eps) => lossWith(c, { sd: perturbed(c.sd, name, i, eps) }));
            bad.push(...mismatches(`${name}#${i}`, [getEntry(gv, i)], [fd], RTOL, ATOL));
          }
        }
        expect(bad).toEqual([]);
      });
    }
  });
}
