// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fullText, type Piece, type Term } from '../../../src/equations';
import { useScene } from '../../../src/store';
import { EquationsPanel } from '../../../src/views/equations/EquationsPanel';
import * as layout from '../../../src/views/equations/layout';
import { NumericLine } from '../../../src/views/equations/NumericLine';
import { PART_COLORS } from '../../../src/views/equations/palette';
import { independentTrace, result, row, valueAt } from './support';

// Counts the lines React renders: each render of a NumericLine wraps its pieces once.
vi.mock('../../../src/views/equations/layout', { spy: true });

const TEXT = 'hello world';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

function expectShows(element: HTMLElement, value: number) {
  expect(element).toHaveAttribute('data-value', String(value));
  expect(element.title).toContain(fullText(value));
  expect(element.textContent).toContain(value.toPrecision(3).replace('-', '−'));
}

describe('NumericLine: a step writes the numbers in place', () => {
  it('re-renders no line on a step, and every number shows the new step’s value', () => {
    const trace = independentTrace(TEXT, 'lstm');
    const { container } = render(<EquationsPanel paneId="A" />);
    const numbers = [...container.querySelectorAll('.eq-num')];
    const wraps = vi.mocked(layout.wrapPieces);
    // Back to 3 at the end: what a step skips as already shown must be what is shown.
    for (const t of [2, 3, 9, 3]) {
      wraps.mockClear();
      act(() => useScene.getState().setStep(t));
      expect(wraps, `step ${t}: no line rendered again`).not.toHaveBeenCalled();
      for (const name of ['i', 'f', 'g', 'o', 'c', 'h']) {
        expectShows(result(container, name), valueAt(trace, 0, name, t, 0));
      }
      // The same elements, rewritten; each number reads as the value it stands for.
      expect([...container.querySelectorAll('.eq-num')]).toEqual(numbers);
      for (const number of container.querySelectorAll<HTMLElement>('.eq-num')) {
        const shown = number.textContent.replace(/[()]/g, '').replace('\u2212', '-');
        expect(Number(shown)).toBeCloseTo(Number(number.dataset.value), 2);
      }
    }
    // The heads name the step too.
    expect(row(container, 'f').querySelector('.eq-numeric annotation')?.textContent).toMatch(
      /^f_\{3\}/,
    );
  });

  it('a hover re-renders the lines with the values they show now', () => {
    const trace = independentTrace(TEXT, 'lstm');
    const { container } = render(<EquationsPanel paneId="A" />);
    act(() => useScene.getState().setStep(4));
    act(() => useScene.getState().setHovered({ pane: 'A', name: 'f' }));
    expect(result(container, 'f')).toHaveClass('is-highlighted');
    act(() => useScene.getState().setStep(6));
    act(() => useScene.getState().setHovered(null));
    expect(result(container, 'f')).not.toHaveClass('is-highlighted');
    expectShows(result(container, 'f'), valueAt(trace, 0, 'f', 6, 0));
    expectShows(result(container, 'c'), valueAt(trace, 0, 'c', 6, 0));
  });
});

/** A number piece of a synthetic line. */
function num(value: number, tex: string): Piece {
  const term: Term = { value, tex, shown: value, quantity: 'f', role: 'bias', label: 'b_f' };
  return { kind: 'num', term, tex };
}

describe('NumericLine: a line whose structure changes', () => {
  it('gives a piece that changes kind a fresh element, so no typeset LaTeX is left in a number', () => {
    const props = { highlight: null, scheme: 'light' as const, cBound: 1, onHoverTerm: () => {} };
    const first: Piece[] = [{ kind: 'tex', tex: 'x_{1}{}+{}' }, num(0.25, '0.250')];
    const { container, rerender } = render(<NumericLine pieces={first} {...props} />);
    expect(container.querySelector('.eq-tex .katex')).not.toBeNull();
    expect(container.querySelector('.eq-num')?.textContent).toBe('0.250');
    const second: Piece[] = [num(-0.5, '(-0.500)'), { kind: 'tex', tex: '{}={}' }];
    rerender(<NumericLine pieces={second} {...props} />);
    const number = container.querySelector<HTMLElement>('.eq-num')!;
    expect(number.querySelector('.katex')).toBeNull();
    expect(number.textContent).toBe('(−0.500)');
    expect(number.dataset.value).toBe('-0.5');
    expect(container.querySelector('.eq-tex annotation')?.textContent).toBe('{}={}');
    // A number that needs LaTeX (a power of ten) is typeset inside its element.
    const third: Piece[] = [num(1.2e-5, '1.20 \\times 10^{-5}'), { kind: 'tex', tex: '{}={}' }];
    rerender(<NumericLine pieces={third} {...props} />);
    const power = container.querySelector<HTMLElement>('.eq-num')!;
    expect(power.querySelector('.eq-plain-number')).toBeNull();
    expect(power.querySelector('annotation')?.textContent).toBe('1.20 \\times 10^{-5}');
  });
});

describe('NumericLine: a theme change', () => {
  it('recolours the numbers it shows, with the same values (a light theme gets the light colours)', () => {
    const props = { highlight: null, cBound: 1, onHoverTerm: () => {} };
    const pieces: Piece[] = [num(0.25, '0.250'), { kind: 'tex', tex: '{}={}' }];
    const { container, rerender } = render(
      <NumericLine pieces={pieces} scheme="dark" {...props} />,
    );
    const bias = container.querySelector<HTMLElement>('.eq-num')!;
    const rgb = (hex: string) => {
      const probe = document.createElement('span');
      probe.style.color = hex;
      return probe.style.color;
    };
    expect(bias.style.color).toBe(rgb(PART_COLORS.dark.bias));
    rerender(<NumericLine pieces={pieces} scheme="light" {...props} />);
    expect(bias.style.color).toBe(rgb(PART_COLORS.light.bias));
    expect(bias.textContent).toBe('0.250');
  });
});
