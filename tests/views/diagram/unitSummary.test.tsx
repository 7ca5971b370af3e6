// @vitest-environment jsdom
/**
 * A gate box of many units (an imported model's 256 or 512): a histogram of the units'
 * values at the step instead of a bar per unit, the selected unit's value marked.
 */
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiagramContext, type DiagramEnv } from '../../../src/views/diagram/context';
import { FlowRegistry } from '../../../src/views/diagram/flow';
import { StepBus } from '../../../src/views/diagram/stepBus';
import { stepValues } from '../../../src/views/diagram/stepValues';
import { UnitBars } from '../../../src/views/diagram/UnitBars';
import { histogram } from '../../../src/views/diagram/UnitHistogram';

function env(unit: number, steps: StepBus): DiagramEnv {
  return {
    arrowId: 'a',
    flow: new FlowRegistry(),
    steps,
    unit,
    isHighlighted: () => false,
    hover: () => undefined,
    selectUnit: () => undefined,
  };
}

/** A one-step trace whose quantity `q` is `values`, as a step publishes it. */
function stepOf(values: number[]) {
  const row = Float64Array.from(values);
  const trace = { T: 1, hT: [row], layers: [{ gates: { q: [row], h: [row] } }] };
  return stepValues(trace as never, { xs: [[0]], tokens: [''] } as never, 0, 1);
}

/** The bars of `values` in a 100 × 40 box, unit `unit` selected, after a step is published. */
function bars(values: number[], range: 'unit' | 'signed', unit = 0) {
  const steps = new StepBus();
  const { container } = render(
    <DiagramContext.Provider value={env(unit, steps)}>
      <svg>
        <UnitBars
          x={0}
          y={0}
          width={100}
          height={40}
          H={values.length}
          quantity="q"
          range={range}
        />
      </svg>
    </DiagramContext.Provider>,
  );
  act(() => steps.publish({ now: stepOf(values), was: null }));
  return container;
}

/** The [x, height] of each rectangle of a path of `M x y h w v l h -w z` bars. */
function rects(d: string | null): [number, number][] {
  const out: [number, number][] = [];
  for (const m of (d ?? '').matchAll(/M([\d.-]+) [\d.-]+h[\d.-]+v([\d.-]+)/g))
    out.push([Number(m[1]), Number(m[2])]);
  return out;
}

describe('unit bars', () => {
  it('draw one clickable column per unit up to 64 units', () => {
    const container = bars(
      Array.from({ length: 64 }, () => 0.5),
      'unit',
    );
    expect(container.querySelectorAll('.cd-bar')).toHaveLength(64);
    expect(container.querySelector('.cd-hist')).toBeNull();
  });

  it('summarise 256 units as a histogram: no column per unit, heights by count', () => {
    // 192 units at 0.12, 64 at 0.87: two bins, the first three times as tall.
    const values = Array.from({ length: 256 }, (_, j) => (j % 4 === 3 ? 0.87 : 0.12));
    const container = bars(values, 'unit', 3);
    expect(container.querySelectorAll('.cd-bar')).toHaveLength(0);
    const hist = container.querySelector('.cd-hist');
    expect(hist?.getAttribute('data-units')).toBe('256');
    const drawn = rects(container.querySelector('.cd-bars-up')!.getAttribute('d'));
    expect(drawn).toHaveLength(2);
    const [low, high] = drawn;
    // 0.12 falls in bin 2 of 20 over [0, 1], 0.87 in bin 17: x = bin · 5 (+ the gap).
    expect(Math.floor(low![0] / 5)).toBe(2);
    expect(Math.floor(high![0] / 5)).toBe(17);
    expect(low![1] / high![1]).toBeCloseTo(3, 5);
    // The selected unit (j = 3, value 0.87) is marked at 87 % of the width.
    expect(container.querySelector('.cd-hist-mark')!.getAttribute('d')).toMatch(/^M87 /);
  });

  it('split a signed histogram at 0 into the two colours, and mark a negative unit', () => {
    const values = Array.from({ length: 300 }, (_, j) => (j < 100 ? -0.5 : 0.25));
    const container = bars(values, 'signed', 10);
    expect(rects(container.querySelector('.cd-bars-down')!.getAttribute('d'))).toHaveLength(1);
    expect(rects(container.querySelector('.cd-bars-up')!.getAttribute('d'))).toHaveLength(1);
    // −0.5 over [−1, 1] sits at a quarter of the width.
    expect(container.querySelector('.cd-hist-mark')!.getAttribute('d')).toMatch(/^M25 /);
  });
});

describe('histogram', () => {
  it('counts every value once, the ends taking what lies beyond, NaN left out', () => {
    expect(histogram([0, 0.05, 0.5, 0.99, 1, 1.5, -2, NaN], 4, 0, 1)).toEqual([3, 0, 1, 3]);
  });
});
