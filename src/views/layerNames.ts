import type { Trace } from '../engine';

/**
 * What each of a trace's layers is called, in the trace's order (PyTorch's h_n order:
 * layer k's forward direction, then its backward one): "Layer 2", or "Layer 2 →" and
 * "Layer 2 ←" for a bidirectional model. One name per entry of `trace.layers`.
 */
export function layerNames(trace: Pick<Trace, 'layers' | 'directions'>): string[] {
  const D = trace.directions ?? 1;
  return trace.layers.map((_, index) => {
    const k = Math.floor(index / D) + 1;
    if (D === 1) return `Layer ${k}`;
    return index % D === 0 ? `Layer ${k} →` : `Layer ${k} ← (backward)`;
  });
}
