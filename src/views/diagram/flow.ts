/**
 * The per-step animation: values flowing along the wires in the order they are computed.
 * Elements register with a stage (0 inputs, 1 gates, 2 cell state, 3 output …) through
 * ref callbacks, wires through {@link FlowRegistry.pulse}; {@link FlowRegistry.play} runs
 * one Web Animations API animation per element and wire, stage by stage (made on the first
 * step, replayed on the next ones). The new numbers are written in place once per step
 * (StepBus); neither the step nor the frames in between render anything in React.
 */
import { mediaQuery } from '../mediaQuery';
import type { PulseLayer, PulseSpec } from './pulses';

type PulsesModule = typeof import('./pulses');
let pulsesModule: PulsesModule | null = null;
let pulsesLoading: Promise<PulsesModule> | null = null;

/**
 * Loads the code of the beads and rings (pulses.ts), kept out of the first paint: the first
 * diagram shows before it, and a step's flow shows them once it is in (a diagram asks for
 * it when it mounts, long before a student's first step).
 */
export function loadPulses(): Promise<void> {
  pulsesLoading ??= import('./pulses').then((module) => (pulsesModule = module));
  return pulsesLoading.then(() => undefined);
}

/**
 * How an SVG element shows its value's arrival: `reveal` fades a group in; `flash` blinks
 * a ring where the element (a `<rect>` or `<circle>` halo) lies, when its box fires. (A
 * wire's value travels as a bead: {@link FlowRegistry.pulse}.)
 */
export type FlowKind = 'reveal' | 'flash';

/** A ref callback as React 19 calls it: with the element, returning a cleanup. */
export type FlowRef = (element: Element | null) => (() => void) | undefined;

/** True when the user asked the system for reduced motion (false where matchMedia is missing). */
function prefersReducedMotion(): boolean {
  return mediaQuery('(prefers-reduced-motion: reduce)')?.matches ?? false;
}

/** Keyframes of a group's reveal: its value brightens from faint as it arrives. */
const REVEAL: Keyframe[] = [{ opacity: 0.2 }, { opacity: 1 }];

/** The elements of one diagram that animate on each step, by stage. */
export class FlowRegistry {
  private readonly items = new Map<Element, { stage: number; kind: FlowKind }>();
  private readonly refs = new Map<string, FlowRef>();
  private running: Animation[] = [];
  /** Each element's animation, made once and replayed with new timing on later steps. */
  private readonly animations = new Map<Element, Animation>();
  /** When the last step arrived, ms on the performance clock. */
  private lastStepAt = Number.NEGATIVE_INFINITY;
  /** Each wire's pulse, by wire id. */
  private readonly pulses = new Map<string, PulseSpec>();
  /** The element the beads and rings are drawn in, and its viewBox width. */
  private layerElement: HTMLElement | null = null;
  private viewWidth = 1;
  /** The beads and rings, once their code is loaded and the layer is mounted. */
  private overlay: PulseLayer | null = null;
  private readonly layerRefs = new Map<number, (element: HTMLElement | null) => void>();

  /**
   * A stable ref callback registering its element at `stage` (0-based) with `kind`. The
   * same callback is returned for the same (stage, kind), so React does not re-attach it
   * on every render.
   */
  ref(stage: number, kind: FlowKind): FlowRef {
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
          this.overlay?.forget(element);
        };
      };
      this.refs.set(key, callback);
    }
    return callback;
  }

  /** Sets wire `id`'s pulse (see {@link PulseSpec}); returns the function that removes it. */
  pulse(id: string, spec: PulseSpec): () => void {
    this.pulses.set(id, spec);
    return () => {
      // A wire re-rendered with new numbers sets its pulse again after this: keep that one.
      if (this.pulses.get(id) === spec) this.pulses.delete(id);
    };
  }

  /**
   * A stable ref callback for the element the beads run in: an empty element over the
   * SVG, in the same box, whose viewBox is `viewWidth` units wide.
   */
  layer(viewWidth: number): (element: HTMLElement | null) => void {
    let callback = this.layerRefs.get(viewWidth);
    if (!callback) {
      callback = (element) => {
        this.layerElement = element;
        this.viewWidth = viewWidth;
        this.overlay?.attach(element, viewWidth);
        if (!element) this.overlay = null;
      };
      this.layerRefs.set(viewWidth, callback);
    }
    return callback;
  }

  /** Elements and wires registered now (tests read it). */
  get size(): number {
    return this.items.size + this.pulses.size;
  }

  /** The beads and rings, made once their code is in and the layer is mounted. */
  private overlayNow(): PulseLayer | null {
    if (!this.overlay && pulsesModule && this.layerElement) {
      this.overlay = new pulsesModule.PulseLayer();
      this.overlay.attach(this.layerElement, this.viewWidth);
    }
    return this.overlay;
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
    const overlay = this.overlayNow();
    for (const [element, { stage, kind }] of this.items) {
      const timing = { duration: slot, delay: stage * slot };
      if (kind === 'flash') {
        // An HTML ring over the halo, which the compositor fades (see pulses.ts).
        const ring = overlay?.flash(element, timing);
        if (ring) this.running.push(ring);
        continue;
      }
      if (typeof element.animate !== 'function') continue;
      let animation = this.animations.get(element);
      if (animation?.effect) {
        // Replaying is much cheaper than building keyframes and an animation per step.
        animation.effect.updateTiming(timing);
        animation.play();
      } else {
        animation = element.animate(REVEAL, {
          ...timing,
          fill: 'backwards',
          easing: 'ease-in-out',
        });
        this.animations.set(element, animation);
      }
      this.running.push(animation);
    }
    if (overlay) {
      const slotOf = (stage: number) => ({ duration: slot, delay: stage * slot });
      this.running.push(...overlay.play(this.pulses, slotOf));
    }
  }

  /**
   * Makes a step's animations (each element's, the beads and the rings) and cancels them
   * at once, so that the first step replays them instead of making them: making them took
   * 3.5–4.6 ms of a student's first step on this machine kind. Nothing shows: they never
   * reach a frame. Where the page prefers reduced motion it makes none, as `play` does.
   */
  prepare(durationMs: number, stages: number): void {
    const last = this.lastStepAt;
    this.play(durationMs, stages, Number.POSITIVE_INFINITY);
    this.cancel();
    this.lastStepAt = last;
  }

  /**
   * Stops every animation of this diagram, leaving the final state drawn. One that has
   * finished already is left as it is (it draws nothing any more, and `play` restarts it
   * as it is): at steps 300 ms apart, half of a 500 ms flow's animations have finished,
   * and cancelling each was a good part of a step's time.
   */
  cancel(): void {
    for (const animation of this.running) {
      if (animation.playState !== 'finished') animation.cancel();
    }
    this.running = [];
  }
}
