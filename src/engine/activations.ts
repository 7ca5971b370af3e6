import type { RecurrentActivation } from './types';

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

/**
 * Keras 2 / TensorFlow.js `hard_sigmoid`, clip(0.2·a + 0.5, 0, 1): written as their
 * backends compute it (multiply, add, clip), so that values agree to the last bit.
 */
export function hardSigmoidKeras2(a: number): number {
  const y = a * 0.2 + 0.5;
  return y <= 0 ? 0 : y >= 1 ? 1 : y;
}

/** Keras 3 `hard_sigmoid`, relu6(a + 3) / 6 = clip(a/6 + 0.5, 0, 1), as Keras 3 computes it. */
export function hardSigmoidKeras3(a: number): number {
  const y = a + 3;
  return (y <= 0 ? 0 : y >= 6 ? 6 : y) / 6;
}

/**
 * The hard sigmoids' derivatives from their output y: the slope (0.2, or 1/6) where
 * 0 < y < 1, and 0 where the clip holds y at 0 or 1, *including* the two kinks
 * (a = ±2.5, ±3), as PyTorch's hardsigmoid and TensorFlow's relu6 define it there.
 */
export const hardSigmoidKeras2GradFromOutput = (y: number): number => (y > 0 && y < 1 ? 0.2 : 0);
/** See {@link hardSigmoidKeras2GradFromOutput}; the slope is 1/6. */
export const hardSigmoidKeras3GradFromOutput = (y: number): number => (y > 0 && y < 1 ? 1 / 6 : 0);

/** A gate activation and its derivative from its output (see the `…GradFromOutput` functions). */
export interface GateActivation {
  readonly fn: (a: number) => number;
  readonly gradFromOutput: (y: number) => number;
}

/** The activation of the sigmoid gates (lstm i f o; gru r z), by its spec name. */
export const GATE_ACTIVATIONS = {
  sigmoid: { fn: sigmoid, gradFromOutput: sigmoidGradFromOutput },
  hard_sigmoid_keras2: { fn: hardSigmoidKeras2, gradFromOutput: hardSigmoidKeras2GradFromOutput },
  hard_sigmoid_keras3: { fn: hardSigmoidKeras3, gradFromOutput: hardSigmoidKeras3GradFromOutput },
} as const satisfies Record<RecurrentActivation, GateActivation>;
