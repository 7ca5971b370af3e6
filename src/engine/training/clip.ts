import { EngineInputError } from '../errors';

/**
 * Gradient-norm clipping as `torch.nn.utils.clip_grad_norm_` (L2, one group holding every
 * parameter): with N = ‖grad‖₂, multiplies `grad` [n] in place by min(1, maxNorm / (N + 1e-6))
 * and returns N, the norm before clipping. A norm above maxNorm thus ends at maxNorm (to
 * about 1e-6); a norm well below is left untouched. `maxNorm` > 0; Infinity never clips.
 * A non-finite N is returned as it is and the gradient is left unchanged.
 */
export function clipGradNorm(grad: Float64Array, maxNorm: number): number {
  if (!(grad instanceof Float64Array)) {
    throw new EngineInputError('clipGradNorm: grad must be a Float64Array (a flat gradient).');
  }
  if (!(maxNorm > 0))
    throw new EngineInputError(`clipGradNorm: maxNorm must be > 0, got ${maxNorm}.`);
  let sumSquares = 0;
  for (let k = 0; k < grad.length; k++) sumSquares += grad[k]! * grad[k]!;
  const norm = Math.sqrt(sumSquares);
  if (!Number.isFinite(norm)) return norm;
  const coef = Math.min(1, maxNorm / (norm + 1e-6));
  if (coef < 1) for (let k = 0; k < grad.length; k++) grad[k] = grad[k]! * coef;
  return norm;
}
