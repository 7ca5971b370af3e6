/**
 * Engine speed: Gatescope's forward, forward+backward (BPTT) and jacobianNorms, beside
 * TensorFlow.js (cpu backend, same process, float32) on the same model and sequence.
 * Wall-clock medians after warm-up, in milliseconds; printed, never asserted.
 */
import {
  backward,
  createModel,
  forward,
  initParams,
  jacobianNorms,
  type Model,
  type ModelSpec,
} from '../src/engine';
import { calibrationMs, lcgRows as rows, medianMs } from '../src/calibration';
import { setupTfjs, timeTfjs } from '../tests/engine/tfjs-oracle';

/** Input size I and hidden size H of every benchmarked model (one layer). */
const I = 8;
const H = 32;
/** Targets printed beside the headline figures: ms, ms, and a tfjs/gatescope ratio. */
const TARGET_LSTM_GRU_FWD_BWD_T200_MS = 8;
const TARGET_LSTM_JACOBIAN_T200_MS = 40;
const TARGET_LSTM_FWD_BWD_T1000_SPEEDUP = 20;

/** One benchmarked configuration: a one-layer model, its sequence and loss weights. */
interface Setup {
  label: string;
  spec: ModelSpec;
  model: Model;
  xs: number[][];
  dOutputs: number[][];
}

function setup(label: string, spec: ModelSpec, T: number): Setup {
  const params = initParams(spec, { seed: 1 });
  return {
    label,
    spec,
    model: createModel(spec, params),
    xs: rows(T, spec.inputSize, 2),
    dOutputs: rows(T, spec.hiddenSize, 3),
  };
}

/** Gatescope's three timings for one setup, in ms. */
function timeEngine(s: Setup, runs: number) {
  const trace = forward(s.model, s.xs);
  return {
    forwardMs: medianMs(() => forward(s.model, s.xs), runs, 3),
    forwardBackwardMs: medianMs(
      () => backward(s.model, forward(s.model, s.xs), s.dOutputs),
      runs,
      3,
    ),
    jacobianMs: medianMs(() => jacobianNorms(s.model, trace, 0), runs, 2),
  };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

/** Headline figures of {@link reportEngineBench}, in ms (and a unitless ratio). */
export interface EngineBenchFigures {
  /** LSTM then GRU (default `pytorch` convention), each forward+backward, T=200, H=32. */
  lstmGruForwardBackwardT200Ms: number;
  /** jacobianNorms of a one-layer LSTM, T=200, H=32 (trace given). */
  lstmJacobianT200Ms: number;
  /** tfjs / Gatescope forward+backward time for the LSTM at T=1000. */
  lstmForwardBackwardT1000Speedup: number;
}

/**
 * Prints a Markdown table of Gatescope vs TensorFlow.js (cpu) timings for I=8, H=32,
 * one layer, T=1000 and T=200, for rnn (tanh), lstm and gru, then the headline figures
 * beside their targets. The tfjs GRU exists only in the `classic` convention, so the
 * compared GRU row runs `classic` on both sides; an engine-only row shows the default
 * `pytorch` convention. Takes tens of seconds (tfjs's backward at T=1000 dominates).
 */
export async function reportEngineBench(): Promise<EngineBenchFigures> {
  await setupTfjs();
  console.log(`\n## Engine speed (I=${I}, H=${H}, one layer; median ms after warm-up)\n`);
  console.log(
    '| cell | T | forward | fwd+bwd | jacobianNorms | tfjs forward | tfjs fwd+bwd | tfjs/gatescope forward | tfjs/gatescope fwd+bwd |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cells: { label: string; spec: ModelSpec; tfjs: boolean }[] = [
    {
      label: 'rnn (tanh)',
      spec: { cell: 'rnn', inputSize: I, hiddenSize: H, numLayers: 1 },
      tfjs: true,
    },
    {
      label: 'lstm',
      spec: { cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1 },
      tfjs: true,
    },
    {
      label: 'gru (classic)',
      spec: { cell: 'gru', convention: 'classic', inputSize: I, hiddenSize: H, numLayers: 1 },
      tfjs: true,
    },
    {
      label: 'gru (pytorch)',
      spec: { cell: 'gru', convention: 'pytorch', inputSize: I, hiddenSize: H, numLayers: 1 },
      tfjs: false,
    },
  ];
  let lstmSpeedup = NaN;
  for (const T of [1000, 200]) {
    for (const cell of cells) {
      const s = setup(cell.label, cell.spec, T);
      const g = timeEngine(s, T >= 1000 ? 11 : 21);
      let tfjsCols = '— | — | — | —';
      if (cell.tfjs) {
        const tfjsRuns = T >= 1000 ? 3 : 5;
        const t = timeTfjs(s.spec, initParams(s.spec, { seed: 1 }), s.xs, s.dOutputs, {
          runs: tfjsRuns,
          warmup: 1,
        });
        tfjsCols = `${fmt(t.forwardMs)} | ${fmt(t.forwardBackwardMs)} | ${ratio(t.forwardMs, g.forwardMs)} | ${ratio(t.forwardBackwardMs, g.forwardBackwardMs)}`;
        if (cell.spec.cell === 'lstm' && T === 1000)
          lstmSpeedup = t.forwardBackwardMs / g.forwardBackwardMs;
      }
      console.log(
        `| ${s.label} | ${T} | ${fmt(g.forwardMs)} | ${fmt(g.forwardBackwardMs)} | ${fmt(g.jacobianMs)} | ${tfjsCols} |`,
      );
    }
  }

  console.log(
    "\ntfjs's GRU (cpu) is slow for a reason of its own: every step it splits the [H][3H] recurrent kernel along its last axis (`SplitV`, a strided copy on the cpu backend), which dominates its profile.",
  );

  const lstm = setup('lstm', { cell: 'lstm', inputSize: I, hiddenSize: H, numLayers: 1 }, 200);
  const gru = setup('gru', { cell: 'gru', inputSize: I, hiddenSize: H, numLayers: 1 }, 200);
  const both = medianMs(
    () => {
      backward(lstm.model, forward(lstm.model, lstm.xs), lstm.dOutputs);
      backward(gru.model, forward(gru.model, gru.xs), gru.dOutputs);
    },
    21,
    3,
  );
  const lstmTrace = forward(lstm.model, lstm.xs);
  const jac = medianMs(() => jacobianNorms(lstm.model, lstmTrace, 0), 21, 2);
  const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  console.log(
    `\nLSTM + GRU forward+backward together at T=200, H=${H}: ${fmt(both)} ms (target ≤ ${TARGET_LSTM_GRU_FWD_BWD_T200_MS} ms: ${verdict(both <= TARGET_LSTM_GRU_FWD_BWD_T200_MS)}).`,
  );
  console.log(
    `LSTM jacobianNorms at T=200, H=${H}: ${fmt(jac)} ms (target ≤ ${TARGET_LSTM_JACOBIAN_T200_MS} ms: ${verdict(jac <= TARGET_LSTM_JACOBIAN_T200_MS)}).`,
  );
  console.log(
    `LSTM forward+backward at T=1000 vs TensorFlow.js (cpu): ${lstmSpeedup.toFixed(1)}× faster (target ≥ ${TARGET_LSTM_FWD_BWD_T1000_SPEEDUP}×: ${verdict(lstmSpeedup >= TARGET_LSTM_FWD_BWD_T1000_SPEEDUP)}).`,
  );
  console.log(
    `Calibration, the engine's LSTM forward at T=1000, H=${H} in Node: ${fmt(calibrationMs())} ms (the browser bench times the same in its page).`,
  );
  return {
    lstmGruForwardBackwardT200Ms: both,
    lstmJacobianT200Ms: jac,
    lstmForwardBackwardT1000Speedup: lstmSpeedup,
  };
}
