/**
 * The numbers of the compare summary, per pane run: ‖h_T‖ (cheap, read at once) and the
 * measured time of one forward + backward pass (costly: measured in the worker, or after
 * paint where there is none, once per run object, so stepping never measures again).
 */
import { requestTiming, takesRequests } from '../../store/gradientService';
import type { OkPaneRun } from '../../store/gradients';
import { primeTiming, timePass, timingOf } from '../../store/timing';

export { median, TIMED_SAMPLES } from '../../store/timing';
export { timingOf };

/** ‖v‖₂ of the top layer's final state h_T (0 for an empty sequence). */
export function finalStateNorm(run: OkPaneRun): number {
  const last = run.trace.outputs[run.trace.T - 1];
  if (!last) return 0;
  let sum = 0;
  for (let j = 0; j < last.length; j++) sum += last[j]! ** 2;
  return Math.sqrt(sum);
}

/** A promise that settles on a fresh task after the next paint, so the page stays live. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

/**
 * Measures a run's time per forward + backward pass. With a Worker it asks gradientService
 * and resolves at once (the answer primes {@link timingOf}, or records why there is none,
 * and tells the service's listeners); without one it measures here, after a paint. Resolves false, storing
 * nothing, when `cancelled()` turns true first.
 */
export async function measureTiming(run: OkPaneRun, cancelled: () => boolean): Promise<boolean> {
  if (timingOf(run) !== undefined) return true;
  if (takesRequests()) {
    requestTiming(run);
    return true;
  }
  await nextTask();
  if (cancelled()) return false;
  primeTiming(run, timePass(run.model, run.sequence.xs));
  return true;
}
