import { EngineInputError } from '../errors';
import { rowViews } from '../arrays';
import { backward } from '../backward';
import { forward } from '../forward';
import type { LossName, Sample } from '../tasks/types';
import type { Model } from '../types';
import { HEAD_BIAS, HEAD_WEIGHT, headForward, type Head } from './head';
import { lossFor } from './losses';
import { addStateDict, checkHeadFits, offsetOf, paramLayout } from './params';

/**
 * The mean loss over `samples` of a model with a read-out head, and its gradient with
 * respect to every parameter, flat, in `paramLayout(model.spec, head.O)` order (RNN in
 * PyTorch order, then 'head.weight', 'head.bias'). Per sample: h = forward(model, xs),
 * y = W h_t + b at the scored steps, L = loss(y, targets); then dL/dW = Σ_s dy_s h_tᵀ,
 * dL/db = Σ_s dy_s, dL/dh_t = Wᵀ dy_s at the scored steps, and `backward` (BPTT) turns
 * dL/dh_t into the RNN's gradients. loss = (1/N) Σ_n L_n, grad = (1/N) Σ_n ∇L_n.
 */
export function lossAndGradients(
  model: Model,
  head: Head,
  loss: LossName,
  samples: readonly Sample[],
): { loss: number; grad: Float64Array } {
  checkHeadFits(model, head, 'lossAndGradients');
  if (!Array.isArray(samples)) {
    throw new EngineInputError(
      'lossAndGradients: samples must be an array of { xs, steps, targets }.',
    );
  }
  const N = samples.length;
  if (N === 0) throw new EngineInputError('lossAndGradients: needs at least one sample.');
  const layout = paramLayout(model.spec, head.O);
  const grad = new Float64Array(layout.size);
  const wOffset = offsetOf(layout, HEAD_WEIGHT);
  const dW = grad.subarray(wOffset, wOffset + head.weight.length);
  const bOffset = offsetOf(layout, HEAD_BIAS);
  const db = grad.subarray(bOffset, bOffset + head.O);
  let total = 0;
  for (const sample of samples) {
    const trace = forward(model, sample.xs);
    const y = headForward(head, trace.outputs, sample.steps);
    const scored = lossFor(loss, y, sample.targets);
    total += scored.loss;
    const dOutputs = new Float64Array(trace.T * head.H);
    addHeadBackward(head, trace.outputs, sample.steps, scored.dy, dW, db, dOutputs);
    const grads = backward(model, trace, rowViews(dOutputs, trace.T, head.H, 0, head.H));
    addStateDict(grad, layout, grads.params);
  }
  for (let k = 0; k < grad.length; k++) grad[k] = grad[k]! / N;
  return { loss: total / N, grad };
}

/**
 * The head's backward pass for one sample, accumulated: dW += dy_s h_tᵀ, db += dy_s, and
 * dOutputs[t] += Wᵀ dy_s ([T][H] flat) for each scored step t = steps[s].
 */
function addHeadBackward(
  head: Head,
  hs: ArrayLike<ArrayLike<number>>,
  steps: readonly number[],
  dy: readonly number[][],
  dW: Float64Array,
  db: Float64Array,
  dOutputs: Float64Array,
): void {
  const { O, H, weight } = head;
  for (let s = 0; s < steps.length; s++) {
    const t = steps[s]!;
    const h = hs[t]!;
    const dys = dy[s]!;
    const dh = t * H;
    for (let o = 0; o < O; o++) {
      const d = dys[o]!;
      const row = o * H;
      db[o] = db[o]! + d;
      for (let j = 0; j < H; j++) {
        dW[row + j] = dW[row + j]! + d * h[j]!;
        dOutputs[dh + j] = dOutputs[dh + j]! + weight[row + j]! * d;
      }
    }
  }
}
