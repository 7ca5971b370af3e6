/**
 * The per-step animation: values flowing along the wires in the order they are computed.
 * Elements register with a stage (0 inputs, 1 gates, 2 cell state, 3 output …) through
 * ref callbacks; {@link FlowRegistry.play} runs one Web Animations API animation per
 * element, stage by stage (made on the first step, replayed on the next ones). React renders the new numbers once per step; the frames in
 * between never touch React.
 */
import { mediaQuery } from '../mediaQuery';

/**
 * How an element moves: `pulse` sends a dash along a path (the path needs pathLength=100
 * and a dasharray of "16 200"; see .cd-pulse), `reveal` fades a group in as its value
 * arrives, `flash` blinks an outline when a box fires.
 */
export type FlowKind = 'pulse' | 'reveal' | 'flash';

/** A ref callback as React 19 calls it: with the element, returning a cleanup. */
export type FlowRef = (element: Element | null) => (() => void) | undefined;

/** True when the user asked the system for reduced motion (false where matchMedia is missing). */
function prefersReducedMotion(): boolean {
  return mediaQuery('(prefers-reduced-motion: reduce)')?.matches ?? false;
}

function keyframes(kind: FlowKind): Keyframe[] {
  switch (kind) {
    case 'pulse':
      return [
        { strokeDashoffset: 16, opacity: 1 },
        { strokeDashoffset: -100, opacity: 1 },
      ];
    case 'reveal':
      return [{ opacity: 0.2 }, { opacity: 1 }];
    case 'flash':
      return [{ opacity: 0 }, { opacity: 1, offset: 0.35 }, { opacity: 0 }];
  }
}

/** The elements of one diagram that animate on each step, by stage. */
export class FlowRegistry {
  private readonly items = new Map<Element, { stage: number; kind: FlowKind }>();
  private readonly refs = new Map<string, FlowRef>();
  private running: Animation[] = [];
  /** Each element's animation, made once and replayed with new timing on later steps. */
  private readonly animations = new Map<Element, Animation>();
  /** When the last step arrived, ms on the performance clock. */
  private lastStepAt = Number.NEGATIVE_INFINITY;

  /**
   * A stable ref callback registering its element at `stage` (0-based) with `kind`. The
   * same callback is returned for the same (stage, kind), so React does not re-attach it
   * on every render.
   */
  ref(stage: number, kind: FlowKind = 'pulse'): FlowRef {
    const key = `${stage}:${kind}`;
    let callback = this.refs.get(key);
    if (!callback) {
      callback = (element) => {
        if (!element) return undefined;
        this.items.set(element, { stage, kind });
        return () => {
          this.items.delete(element);
          this.animations.get(element)?.cancel();
          this.animations.delete(element);
        };
      };
      this.refs.set(key, callback);
    }
    return callback;
  }

  /** Elements registered now (tests read it). */
  get size(): number {
    return this.items.size;
  }

  /**
   * Plays one step over `durationMs`, split evenly between `stages` stages. Cancels a step
   * still playing. Does nothing under reduced motion or where Element.animate is missing
   * (jsdom): the new values are already drawn. Nor when this step comes less than half a
   * flow after the previous one (a held arrow key, a presenter racing ahead): a flow cut
   * short after a few frames shows nothing, and skipping it keeps fast stepping smooth.
   * `now` is the performance clock, ms.
   */
  play(durationMs: number, stages: number, now = performance.now()): void {
    this.cancel();
    const rapid = now - this.lastStepAt < durationMs / 2;
    this.lastStepAt = now;
    if (rapid || prefersReducedMotion() || !(durationMs > 0)) return;
    const slot = durationMs / Math.max(1, stages);
    for (const [element, { stage, kind }] of this.items) {
      if (typeof element.animate !== 'function') continue;
      const timing = { duration: slot, delay: stage * slot };
      let animation = this.animations.get(element);
      if (animation?.effect) {
        // Replaying is much cheaper than building keyframes and an animation per step.
        animation.effect.updateTiming(timing);
        animation.play();
      } else {
        const fill: FillMode = kind === 'reveal' ? 'backwards' : 'none';
        animation = element.animate(keyframes(kind), { ...timing, fill, easing: 'ease-in-out' });
        this.animations.set(element, animation);
      }
      this.running.push(animation);
    }
  }

  /** Stops every animation of this diagram, leaving the final state drawn. */
  cancel(): void {
    for (const animation of this.running) animation.cancel();
    this.running = [];
  }
}
