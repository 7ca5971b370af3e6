/**
 * The beads that run along a diagram's wires on each step, and the rings that flash
 * around a box as it fires. They are HTML elements in a layer over the SVG, animated in
 * `transform` and `opacity` only, so the browser runs them on its compositor: SVG strokes
 * and outlines animated in place (the way they were drawn before) made every frame
 * restyle and repaint the whole diagram, about half of the main thread while a student
 * steps. The layer is sized in viewBox units and scaled to the SVG.
 */
import type { Point } from './layout';

/** One wire's pulse: where it runs, at which stage, and how thick the wire is now. */
export interface PulseSpec {
  /** The wire's polyline, viewBox units, from where its value leaves to where it arrives. */
  readonly points: readonly Point[];
  /** Animation stage (0-based) at which its value travels. */
  readonly stage: number;
  /** The wire's stroke width, viewBox units (see {@link beadDiameter}). */
  readonly width: number;
}

/** A bead's diameter on a wire `width` units wide, viewBox units: twice the wire, plus 6. */
export function beadDiameter(width: number): number {
  return 2 * width + 6;
}

/** Timing of one stage's slot, ms. */
export interface SlotTiming {
  readonly duration: number;
  readonly delay: number;
}

/**
 * Keyframes moving a bead's centre along `points` at constant speed: one keyframe per
 * corner, at the fraction of the polyline's length where the corner lies. A polyline of
 * one point (or of no length) holds the bead there.
 */
export function pulseKeyframes(points: readonly Point[]): Keyframe[] {
  const first = points[0] ?? { x: 0, y: 0 };
  const lengths = [0];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    lengths.push(lengths[k - 1]! + Math.hypot(b.x - a.x, b.y - a.y));
  }
  const total = lengths[lengths.length - 1]!;
  // Shown only while it runs: the bead's own style keeps it invisible (opacity 0).
  const at = (p: Point) => ({ transform: `translate(${p.x}px, ${p.y}px)`, opacity: 1 });
  if (!(total > 0)) return [at(first), at(first)];
  return points.map((p, k) => ({ ...at(p), offset: lengths[k]! / total }));
}

interface Bead {
  spec: PulseSpec;
  element: HTMLElement;
  animation: Animation | null;
  /** The points the animation's keyframes were made from, as text. */
  madeFor: string | null;
}

/** Keyframes of a ring's flash: it lights up a third of the way in, then fades. */
const FLASH: Keyframe[] = [{ opacity: 0 }, { opacity: 1, offset: 0.35 }, { opacity: 0 }];

/** The stroke width of an SVG halo (.cd-node-halo, .cd-gate-halo), viewBox units. */
const HALO_STROKE = 3;

/**
 * The box of an HTML ring drawn where an SVG `<rect>` or `<circle>` halo's stroke lies
 * (left, top, width, height and corner radius, viewBox units); null for another shape.
 */
export function ringBox(
  halo: Element,
): { left: number; top: number; width: number; height: number; radius: string } | null {
  const n = (name: string) => Number(halo.getAttribute(name) ?? 0);
  const half = HALO_STROKE / 2;
  if (halo.tagName.toLowerCase() === 'circle') {
    const r = n('r') + half;
    return { left: n('cx') - r, top: n('cy') - r, width: 2 * r, height: 2 * r, radius: '50%' };
  }
  if (halo.tagName.toLowerCase() !== 'rect') return null;
  return {
    left: n('x') - half,
    top: n('y') - half,
    width: n('width') + HALO_STROKE,
    height: n('height') + HALO_STROKE,
    radius: `${n('rx') + half}px`,
  };
}

/** The beads and rings of one diagram, in the layer element over its SVG. */
export class PulseLayer {
  private layer: HTMLElement | null = null;
  private viewWidth = 1;
  private scale = 0;
  private readonly beads = new Map<string, Bead>();
  /** Each SVG halo's HTML ring and its animation. */
  private readonly rings = new Map<
    Element,
    { element: HTMLElement; animation: Animation; box: string }
  >();
  private resizes: ResizeObserver | null = null;

  /** The layer element (null when it unmounts) and the viewBox width it is drawn in. */
  attach(layer: HTMLElement | null, viewWidth: number): void {
    this.layer = layer;
    this.viewWidth = viewWidth;
    this.scale = 0;
    this.resizes?.disconnect();
    this.resizes = null;
    const figure = layer?.parentElement;
    if (layer && figure) {
      this.fit(layer, figure.clientWidth);
      // Scaled when the figure resizes, never by reading its size as a step plays.
      if (typeof ResizeObserver === 'function') {
        this.resizes = new ResizeObserver(([entry]) => {
          if (entry) this.fit(layer, entry.contentRect.width);
        });
        this.resizes.observe(figure);
      }
    }
    for (const bead of this.beads.values()) {
      bead.animation?.cancel();
      bead.animation = null;
      bead.madeFor = null;
      if (layer) layer.append(bead.element);
      else bead.element.remove();
    }
    for (const ring of this.rings.values()) ring.element.remove();
    this.rings.clear();
  }

  /**
   * Flashes a ring where the SVG `halo` (a `<rect>` or `<circle>` outline) lies, in
   * `timing`; returns the animation, or null where it cannot (no layer, no
   * Element.animate, another shape).
   */
  flash(halo: Element, timing: SlotTiming): Animation | null {
    const layer = this.layer;
    const box = layer ? ringBox(halo) : null;
    if (!layer || !box) return null;
    let ring = this.rings.get(halo);
    if (!ring) {
      const element = document.createElement('span');
      if (typeof element.animate !== 'function') return null;
      element.className = 'cd-ring';
      layer.append(element);
      const animation = element.animate(FLASH, { ...timing, fill: 'none', easing: 'ease-in-out' });
      ring = { element, animation, box: '' };
      this.rings.set(halo, ring);
    } else {
      ring.animation.effect?.updateTiming(timing);
      ring.animation.play();
    }
    // Written only when it moved: a style write here would make the next diagram's read
    // of its size recompute the page's layout.
    const where = `${box.left} ${box.top} ${box.width} ${box.height} ${box.radius}`;
    if (ring.box !== where) {
      ring.box = where;
      const style = ring.element.style;
      style.left = `${box.left}px`;
      style.top = `${box.top}px`;
      style.width = `${box.width}px`;
      style.height = `${box.height}px`;
      style.borderRadius = box.radius;
    }
    return ring.animation;
  }

  /** Removes the ring of an SVG halo that is gone. */
  forget(halo: Element): void {
    const ring = this.rings.get(halo);
    if (!ring) return;
    ring.animation.cancel();
    ring.element.remove();
    this.rings.delete(halo);
  }

  /**
   * Starts a bead for each wire of `pulses` (by wire id) in its stage's slot
   * (`slot(stage)`), each animation made once and replayed with new timing, and removes
   * the beads of wires that are gone; returns the animations started.
   */
  play(pulses: ReadonlyMap<string, PulseSpec>, slot: (stage: number) => SlotTiming): Animation[] {
    const layer = this.layer;
    if (!layer) return [];
    for (const [id, bead] of this.beads) {
      if (pulses.has(id)) continue;
      bead.animation?.cancel();
      bead.element.remove();
      this.beads.delete(id);
    }
    for (const [id, spec] of pulses) {
      const bead = this.beads.get(id);
      if (bead) bead.spec = spec;
      else {
        const element = document.createElement('span');
        element.className = 'cd-pulse';
        element.dataset.pulse = id;
        layer.append(element);
        this.beads.set(id, { spec, element, animation: null, madeFor: null });
      }
    }
    const started: Animation[] = [];
    for (const bead of this.beads.values()) {
      const { element, spec } = bead;
      if (typeof element.animate !== 'function') continue;
      const diameter = beadDiameter(spec.width);
      const size = `${diameter}px`;
      if (element.style.width !== size) {
        element.style.width = size;
        element.style.height = size;
        element.style.margin = `${-diameter / 2}px 0 0 ${-diameter / 2}px`;
      }
      const timing = slot(spec.stage);
      const route = spec.points.map((p) => `${p.x},${p.y}`).join(' ');
      if (bead.animation?.effect && bead.madeFor === route) {
        bead.animation.effect.updateTiming(timing);
        bead.animation.play();
      } else {
        bead.animation?.cancel();
        bead.animation = element.animate(pulseKeyframes(spec.points), {
          ...timing,
          fill: 'none',
          easing: 'ease-in-out',
        });
        bead.madeFor = route;
      }
      started.push(bead.animation);
    }
    return started;
  }

  /** Scales the layer (viewBox units) to the SVG's width, the figure's `width` in CSS px. */
  private fit(layer: HTMLElement, width: number): void {
    const scale = width > 0 ? width / this.viewWidth : 1;
    if (scale !== this.scale) {
      this.scale = scale;
      layer.style.transform = `scale(${scale})`;
    }
  }
}
