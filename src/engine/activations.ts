/**
 * The logistic sigmoid σ(a) = 1 / (1 + e^(−a)), written so that e^x never overflows:
 * for a < 0 it uses e^a / (1 + e^a). Exact to rounding for |a| up to 1e4 and beyond.
 */
export function sigmoid(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

/** ReLU, max(0, a). */
export function relu(a: number): number {
  return a > 0 ? a : 0;
}

/**
 * Derivatives written in terms of the activation's *output* y, as autograd does
 * (σ′ = y(1 − y), tanh′ = 1 − y², relu′ = [y > 0]), so gradients round like PyTorch's.
 */
export const sigmoidGradFromOutput = (y: number): number => y * (1 - y);
/** tanh′ from y = tanh(a). */
export const tanhGradFromOutput = (y: number): number => 1 - y * y;
/** relu′ from y = relu(a); 0 at the kink, as PyTorch. */
export const reluGradFromOutput = (y: number): number => (y > 0 ? 1 : 0);
