/**
 * Web Worker: computes `jacobianNorms` off the main thread, so dragging a slider stays
 * fluid while the O(T·G·H³) sweep runs. Receives the model as a spec and PyTorch-named
 * parameters (plain data), redoes the forward pass and answers with the norms.
 */
import { createModel, forward, jacobianNorms, type ModelSpec, type StateDict } from '../engine';

/** A request: which model, which input, which layer; `id` pairs it with its answer. */
export interface JacobianRequest {
  id: number;
  spec: ModelSpec;
  params: StateDict;
  /** [T][I] input of layer 0. */
  xs: number[][];
  layer: number;
}

/** The answer: the norms by t = 0..T−1, or why there are none. */
export type JacobianAnswer = { id: number; norms: number[] } | { id: number; error: string };

self.onmessage = (event: MessageEvent<JacobianRequest>) => {
  const { id, spec, params, xs, layer } = event.data;
  let answer: JacobianAnswer;
  try {
    const model = createModel(spec, params);
    answer = { id, norms: jacobianNorms(model, forward(model, xs), layer) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
