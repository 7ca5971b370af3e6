/**
 * Web Worker: computes the gradient view's costly quantities off the main thread, so that
 * dragging a slider stays fluid: `jacobianNorms` (O(T·G·H³)) and the input saliency (one
 * `backward`). Receives the model as a spec and PyTorch-named parameters (plain data),
 * redoes the forward pass and answers with the numbers.
 */
import { createModel, forward, type ModelSpec, type StateDict } from '../engine';
import type { OkPaneRun } from './gradients';
import { jacobianNormsOf, saliencyOf } from './gradients';

/** Which quantity: Jacobian norms of a layer, or saliency of a top-layer unit. */
export type GradientJob = { kind: 'norms'; layer: number } | { kind: 'saliency'; unit: number };

/** A request: which model, which input, which quantity; `id` pairs it with its answer. */
export interface GradientRequest {
  id: number;
  spec: ModelSpec;
  params: StateDict;
  /** [T][I] input of layer 0. */
  xs: number[][];
  job: GradientJob;
}

/** The answer: the numbers by t = 0..T−1, or why there are none. */
export type GradientAnswer = { id: number; values: number[] } | { id: number; error: string };

self.onmessage = (event: MessageEvent<GradientRequest>) => {
  const { id, spec, params, xs, job } = event.data;
  let answer: GradientAnswer;
  try {
    const model = createModel(spec, params);
    const trace = forward(model, xs);
    // The same functions the main thread would run, on a run rebuilt here.
    const run = { ok: true, model, trace, sequence: { xs } } as unknown as OkPaneRun;
    const values =
      job.kind === 'norms' ? jacobianNormsOf(run, job.layer) : saliencyOf(run, job.unit);
    answer = { id, values: [...values] };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
