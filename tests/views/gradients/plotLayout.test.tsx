// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { GradientPlot } from '../../../src/views/gradients/GradientPlot';
import { plotLayout } from '../../../src/views/gradients/plotLayout';

/** The tick labels' font size in viewBox units (gradients.css `.tick-label`). */
const LABEL_UNITS = 15;

describe('plotLayout: the gradient plots follow their column', () => {
  it('prints the tick labels at the asked size, from a phone to a projector', () => {
    for (const labelPx of [14, 21]) {
      for (const cssWidth of [300, 370, 560, 900, 1800]) {
        const layout = plotLayout(cssWidth, labelPx);
        const printed = (LABEL_UNITS * cssWidth) / layout.width;
        expect(printed, `${cssWidth} px at ${labelPx} px`).toBeCloseTo(labelPx, 0);
        expect(layout.height).toBeGreaterThanOrEqual(280);
        expect(layout.height).toBeLessThanOrEqual(360);
        expect(layout.width - layout.left - layout.right).toBeGreaterThan(100);
      }
    }
  });

  it('spaces the distance labels apart at every width, up to 2000 steps', () => {
    for (const cssWidth of [300, 370, 560, 900]) {
      for (const T of [5, 60, 2000]) {
        const layout = plotLayout(cssWidth, 14);
        const values = Array.from({ length: T }, (_, k) => 0.9 ** (k + 1));
        const { container, unmount } = render(
          <GradientPlot
            curves={[
              {
                key: 'A',
                pane: 'A',
                label: 'A',
                color: '#000',
                dashed: false,
                values,
                firstDistance: 1,
              },
            ]}
            maxDistance={T}
            layout={layout}
          />,
        );
        const ticks = [...container.querySelectorAll('.x-tick')].map((tick) => ({
          x: Number(/translate\(([-\d.]+)/.exec(tick.getAttribute('transform')!)![1]),
          // A digit is at most ~0.6 em wide in the page's sans-serif.
          half: (tick.textContent!.length * 0.6 * LABEL_UNITS) / 2,
        }));
        expect(ticks.length, `${cssWidth} px, T = ${T}`).toBeGreaterThanOrEqual(2);
        for (let k = 1; k < ticks.length; k++) {
          const gap = ticks[k]!.x - ticks[k]!.half - (ticks[k - 1]!.x + ticks[k - 1]!.half);
          expect(gap, `${cssWidth} px, T = ${T}: ticks ${k - 1} and ${k}`).toBeGreaterThanOrEqual(
            8,
          );
        }
        unmount();
      }
    }
  });
});
