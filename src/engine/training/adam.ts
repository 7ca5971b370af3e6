import { EngineInputError } from '../errors';

/** Hyper-parameters of {@link Adam}, named as `torch.optim.Adam` names them. */
export interface AdamOptions {
  /** Step size; default 1e-3. */
  lr?: number;
  /** Decay of the first-moment average m; default 0.9. */
  beta1?: number;
  /** Decay of the second-moment average v; default 0.999. */
  beta2?: number;
  /** Added to √v̂ so that a zero gradient history cannot divide by zero; default 1e-8. */
  eps?: number;
}

/**
 * Adam as `torch.optim.Adam` (no weight decay, no amsgrad, maximize off) on one flat
 * parameter vector θ [n]. At step t = 1, 2, …:
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²,
 *   m̂ = m / (1 − β1^t),      v̂ = v / (1 − β2^t),
 *   θ ← θ − lr · m̂ / (√v̂ + ε),
 * evaluated in PyTorch's arrangement θ −= (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
 * Holds m and v [n] between steps.
 */
export class Adam {
  /** Step size. */
  readonly lr: number;
  /** First-moment decay β1. */
  readonly beta1: number;
  /** Second-moment decay β2. */
  readonly beta2: number;
  /** ε. */
  readonly eps: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  /** An optimiser for vectors of `size` parameters, with zero moments. */
  constructor(size: number, options: AdamOptions = {}) {
    const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
    if (!Number.isInteger(size) || size < 0) {
      throw new EngineInputError(`Adam: size must be an integer ≥ 0, got ${size}.`);
    }
    if (!(lr >= 0) || !Number.isFinite(lr))
      throw new EngineInputError(`Adam: lr must be ≥ 0, got ${lr}.`);
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new EngineInputError(
        `Adam: beta1 and beta2 must be in [0, 1), got ${beta1} and ${beta2}.`,
      );
    }
    if (!(eps >= 0) || !Number.isFinite(eps))
      throw new EngineInputError(`Adam: eps must be ≥ 0, got ${eps}.`);
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** Steps taken so far, t. */
  get steps(): number {
    return this.t;
  }

  /** One update of `theta` [n] in place from the gradient `grad` [n] (not modified). */
  step(theta: Float64Array, grad: Float64Array): void {
    const { m, v, beta1, beta2, eps } = this;
    if (!(theta instanceof Float64Array) || !(grad instanceof Float64Array)) {
      throw new EngineInputError('Adam.step: theta and grad must be Float64Arrays.');
    }
    if (theta.length !== m.length || grad.length !== m.length) {
      throw new EngineInputError(
        `Adam.step: theta has ${theta.length} entries and grad ${grad.length}; expected ${m.length} each.`,
      );
    }
    this.t += 1;
    const stepSize = this.lr / (1 - beta1 ** this.t);
    const sqrtCorrection2 = Math.sqrt(1 - beta2 ** this.t);
    for (let k = 0; k < m.length; k++) {
      const g = grad[k]!;
      m[k] = beta1 * m[k]! + (1 - beta1) * g;
      v[k] = beta2 * v[k]! + (1 - beta2) * g * g;
      theta[k] = theta[k]! - (stepSize * m[k]!) / (Math.sqrt(v[k]!) / sqrtCorrection2 + eps);
    }
  }
}
