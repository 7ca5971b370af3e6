// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { PulseLayer, pulseKeyframes, ringBox } from '../../../src/views/diagram/pulses';

/** The (x, y) of a keyframe's translate(…px, …px). */
function position(frame: Keyframe): [number, number] {
  const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\)/.exec(String(frame.transform));
  if (!match) throw new Error(`no translate in ${String(frame.transform)}`);
  return [Number(match[1]), Number(match[2])];
}

describe('pulseKeyframes', () => {
  it('runs at constant speed: each corner at its share of the length, shown while it runs', () => {
    // 30 right, then 10 down: the corner is 3/4 of the way.
    const frames = pulseKeyframes([
      { x: 10, y: 5 },
      { x: 40, y: 5 },
      { x: 40, y: 15 },
    ]);
    expect(frames.map(position)).toEqual([
      [10, 5],
      [40, 5],
      [40, 15],
    ]);
    expect(frames.map((f) => f.offset)).toEqual([0, 0.75, 1]);
    expect(frames.every((f) => f.opacity === 1)).toBe(true);
  });

  it('holds a bead in place on a wire of no length', () => {
    const frames = pulseKeyframes([{ x: 3, y: 4 }]);
    expect(frames.map(position)).toEqual([
      [3, 4],
      [3, 4],
    ]);
  });
});

describe('PulseLayer', () => {
  it('moves its beads by transform only (what the compositor animates) and scales to the SVG', () => {
    const figure = document.createElement('div');
    Object.defineProperty(figure, 'clientWidth', { value: 360 });
    const layerElement = document.createElement('div');
    figure.append(layerElement);
    const animate = vi.fn(() => ({ cancel() {}, play() {}, effect: null }) as unknown as Animation);
    Object.defineProperty(HTMLElement.prototype, 'animate', { value: animate, configurable: true });
    try {
      const layer = new PulseLayer();
      layer.attach(layerElement, 720);
      const slot = (stage: number) => ({ duration: 100, delay: stage * 100 });
      const down = {
        points: [
          { x: 0, y: 0 },
          { x: 0, y: 50 },
        ],
        stage: 2,
        width: 4,
      };
      expect(layer.play(new Map([['f', down]]), slot)).toHaveLength(1);
      const [frames, options] = animate.mock.calls[0] as unknown as [
        Keyframe[],
        KeyframeAnimationOptions,
      ];
      const animated = new Set(frames.flatMap((f) => Object.keys(f)));
      animated.delete('offset');
      expect([...animated].sort()).toEqual(['opacity', 'transform']);
      expect(options).toMatchObject({ duration: 100, delay: 200 });
      expect(layerElement.style.transform).toBe('scale(0.5)');
      const bead = layerElement.querySelector<HTMLElement>('[data-pulse="f"]');
      expect(bead?.style.width).toBe('14px'); // a 4-unit wire: twice as wide, plus 6
      // The next step: the same bead, sized to the wire's new value.
      layer.play(new Map([['f', { ...down, width: 1 }]]), slot);
      expect(layerElement.querySelector('[data-pulse="f"]')).toBe(bead);
      expect(bead?.style.width).toBe('8px');
      // A wire that is gone loses its bead.
      layer.play(new Map(), slot);
      expect(layerElement.querySelector('[data-pulse="f"]')).toBeNull();
    } finally {
      delete (HTMLElement.prototype as { animate?: unknown }).animate;
    }
  });
});

describe('ringBox', () => {
  const svg = (tag: string, attrs: Record<string, number>) => {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  };

  it("covers a rect halo's 3-unit stroke, centred on its edge, with its rounded corners", () => {
    expect(ringBox(svg('rect', { x: 10, y: 20, width: 100, height: 40, rx: 12 }))).toEqual({
      left: 8.5,
      top: 18.5,
      width: 103,
      height: 43,
      radius: '13.5px',
    });
  });

  it("covers a circle halo's stroke as a round ring", () => {
    expect(ringBox(svg('circle', { cx: 50, cy: 60, r: 18 }))).toEqual({
      left: 30.5,
      top: 40.5,
      width: 39,
      height: 39,
      radius: '50%',
    });
  });

  it('draws no ring for another shape', () => {
    expect(ringBox(svg('path', {}))).toBeNull();
  });
});
