// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import katex from 'katex';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fullText } from '../../../src/equations';
import { useScene } from '../../../src/store';
import { EquationsPanel } from '../../../src/views/equations/EquationsPanel';
import { independentTrace, numbers, result, row, symbolicSource, valueAt } from './support';

const TEXT = 'hello world';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

/** Renders pane A's panel; the store starts with one LSTM pane of H = 8 on "hello world". */
function renderPanel() {
  return render(<EquationsPanel paneId="A" />).container;
}

function expectShows(element: HTMLElement, value: number) {
  expect(element).toHaveAttribute('data-value', String(value));
  expect(element.title).toContain(fullText(value));
  expect(element.textContent).toContain(value.toPrecision(3).replace('-', '−'));
}

describe('EquationsPanel', () => {
  it('prints the forget gate of the selected unit at step t, as the engine computes it', () => {
    const trace = independentTrace(TEXT, 'lstm');
    act(() => {
      useScene.getState().setStep(4);
      useScene.getState().setUnit(2);
    });
    const container = renderPanel();
    expectShows(result(container, 'f'), valueAt(trace, 0, 'f', 4, 2));
    expectShows(result(container, 'c'), valueAt(trace, 0, 'c', 4, 2));
    expectShows(result(container, 'h'), valueAt(trace, 0, 'h', 4, 2));
    expect(screen.getByText(/step 4 of 11/)).toBeInTheDocument();
  });

  it('updates the numbers when the unit or the step changes', async () => {
    const trace = independentTrace(TEXT, 'lstm');
    const container = renderPanel();
    expectShows(result(container, 'f'), valueAt(trace, 0, 'f', 1, 0));
    const unit = screen.getByRole('spinbutton', { name: 'Unit' });
    expect(unit).toHaveValue(1);
    const user = userEvent.setup();
    await user.clear(unit);
    await user.type(unit, '5');
    expect(useScene.getState().unit).toBe(4);
    expectShows(result(container, 'f'), valueAt(trace, 0, 'f', 1, 4));
    act(() => useScene.getState().setStep(7));
    expectShows(result(container, 'f'), valueAt(trace, 0, 'f', 7, 4));
    expectShows(result(container, 'g'), valueAt(trace, 0, 'g', 7, 4));
  });

  it('clamps the unit to the hidden size, counting from 1', () => {
    renderPanel();
    const unit = screen.getByRole('spinbutton', { name: 'Unit' });
    fireEvent.change(unit, { target: { value: '99' } });
    expect(useScene.getState().unit).toBe(7);
    expect(unit).toHaveValue(8);
    fireEvent.change(unit, { target: { value: '0' } });
    expect(useScene.getState().unit).toBe(0);
    expect(unit).toHaveValue(1);
  });

  it('reads the layer below as x in a stacked model', () => {
    const trace = independentTrace(TEXT, 'lstm', { numLayers: 2 });
    act(() => {
      useScene.getState().updatePane('A', { numLayers: 2 });
      useScene.getState().setLayer(1);
      useScene.getState().setStep(3);
    });
    const container = renderPanel();
    expectShows(result(container, 'f'), valueAt(trace, 1, 'f', 3, 0));
    expect(screen.getByText(/layer 2 of 2/)).toBeInTheDocument();
  });

  it.each([
    ['pytorch', 'PyTorch convention', '(1 - z_t) \\odot n_t + z_t \\odot h_{t-1}'],
    [
      'classic',
      'Classic (Cho 2014) convention',
      '(1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t',
    ],
  ] as const)(
    'a GRU states its convention (%s) and writes its equations',
    (convention, title, h) => {
      const trace = independentTrace(TEXT, 'gru', { convention });
      act(() => {
        useScene.getState().updatePane('A', { cell: 'gru', convention });
        useScene.getState().setStep(5);
      });
      const container = renderPanel();
      expect(screen.getByText(title)).toBeInTheDocument();
      expect(symbolicSource(container, 'h')).toContain(h);
      expectShows(result(container, 'n'), valueAt(trace, 0, 'n', 5, 0));
      expectShows(result(container, 'h'), valueAt(trace, 0, 'h', 5, 0));
    },
  );

  it('shows an RNN with its activation', () => {
    const trace = independentTrace(TEXT, 'rnn', { nonlinearity: 'relu' });
    act(() => {
      useScene.getState().updatePane('A', { cell: 'rnn', nonlinearity: 'relu' });
      useScene.getState().setStep(6);
    });
    const container = renderPanel();
    expect(symbolicSource(container, 'h')).toContain('\\operatorname{relu}');
    expectShows(result(container, 'h'), valueAt(trace, 0, 'h', 6, 0));
    expect(screen.queryByText(/convention/)).toBeNull();
  });

  it('switches notation: one matrix on [h, x] or PyTorch’s two, with the same numbers', async () => {
    act(() => useScene.getState().setStep(3));
    const container = renderPanel();
    const group = screen.getByRole('radiogroup', { name: 'Notation' });
    expect(group).toBeInTheDocument();
    const pytorch = screen.getByRole('radio', { name: 'W_ih x + b_ih + W_hh h + b_hh (PyTorch)' });
    const concat = screen.getByRole('radio', { name: 'W·[h, x] + b (course notes)' });
    expect(pytorch).toBeChecked();
    expect(symbolicSource(container, 'f')).toContain('W_{if}');
    expect(numbers(container, 'f', 'bias')).toHaveLength(2);
    const before = result(container, 'f').dataset.value;
    await userEvent.setup().click(concat);
    expect(concat).toBeChecked();
    expect(symbolicSource(container, 'f')).toContain('W_{f} \\cdot [');
    expect(symbolicSource(container, 'f')).not.toContain('W_{if}');
    expect(numbers(container, 'f', 'bias')).toHaveLength(1);
    expect(result(container, 'f').dataset.value).toBe(before);
  });

  it('reports hover to the store and highlights what the store names', () => {
    const container = renderPanel();
    const f = row(container, 'f');
    fireEvent.mouseEnter(f);
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'f' });
    const [input] = numbers(container, 'f', 'input');
    fireEvent.mouseEnter(input!);
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'x' });
    // Back from the number onto its row.
    fireEvent.mouseOut(input!, { relatedTarget: f });
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'f' });
    fireEvent.mouseLeave(f);
    expect(useScene.getState().hovered).toBeNull();
    // The keyboard reaches the same highlight.
    fireEvent.focus(row(container, 'o'));
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'o' });
    fireEvent.blur(row(container, 'o'));
    expect(useScene.getState().hovered).toBeNull();

    act(() => useScene.getState().setHovered({ pane: 'A', name: 'c' }));
    expect(row(container, 'c')).toHaveClass('is-highlighted');
    expect(row(container, 'f')).not.toHaveClass('is-highlighted');
    act(() => useScene.getState().setHovered({ pane: 'B', name: 'f' }));
    expect(row(container, 'f')).not.toHaveClass('is-highlighted');
  });

  it('a step typesets nothing: the heads’ step index is rewritten in place', () => {
    const spy = vi.spyOn(katex, 'render');
    renderPanel();
    const heads = () =>
      [...document.querySelectorAll('.eq-numeric annotation')]
        .map((a) => a.textContent ?? '')
        .filter((latex) => /^[a-z]_\{\d+\}/.test(latex));
    expect(heads().length).toBeGreaterThan(3);
    for (const latex of heads()) expect(latex).toMatch(/^[a-z]_\{1\}/);
    spy.mockClear();
    act(() => useScene.getState().setStep(2));
    expect(spy).not.toHaveBeenCalled();
    for (const latex of heads()) expect(latex).toMatch(/^[a-z]_\{2\}/);
    // What a reader sees says step 2 as well (the visual part, not only the annotation).
    const visible = [...document.querySelectorAll('.eq-numeric .katex-html')].map(
      (k) => k.textContent ?? '',
    );
    expect(visible.filter((text) => /^[a-z]2\u200b?\[/.test(text)).length).toBe(heads().length);
    // ... and the numbers are text: each plain decimal reads as the value it stands for.
    const numbers = [...document.querySelectorAll<HTMLElement>('.eq-num')];
    expect(document.querySelectorAll('.eq-num .eq-plain-number').length).toBeGreaterThan(10);
    for (const number of numbers) {
      const shown = number.querySelector('.eq-plain-number')?.textContent;
      if (shown === undefined) continue; // a power of ten is typeset
      const value = Number(number.dataset.value);
      expect(Number(shown.replace(/[()]/g, '').replace('\u2212', '-'))).toBeCloseTo(value, 3);
    }
    spy.mockRestore();
  });

  it('typesets the next step’s new shapes while the page is idle, not on the keypress', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback'] });
    const spy = vi.spyOn(katex, 'render');
    try {
      renderPanel();
      // Without idle time, the step to 10 meets shapes never typeset (i_{10} has two digits).
      act(() => useScene.getState().setStep(9));
      spy.mockClear();
      act(() => useScene.getState().setStep(10));
      expect(spy.mock.calls.length, 'the control: new shapes cost KaTeX runs').toBeGreaterThan(3);
      // A GRU's lines (r, z, n) have shapes of their own; this time the page gets idle first.
      act(() => {
        useScene.getState().updatePane('A', { cell: 'gru' });
        useScene.getState().setStep(9);
      });
      act(() => vi.runAllTimers());
      spy.mockClear();
      act(() => useScene.getState().setStep(10));
      expect(spy).not.toHaveBeenCalled();
      expect(screen.getByText(/step 10 of 11/)).toBeInTheDocument();
      const heads = [...document.querySelectorAll('.eq-numeric annotation')]
        .map((a) => a.textContent ?? '')
        .filter((latex) => /^[a-z]_\{\d+\}/.test(latex));
      expect(heads.length).toBeGreaterThan(3);
      for (const latex of heads) expect(latex).toMatch(/^[a-z]_\{10\}/);
    } finally {
      spy.mockRestore();
      vi.useRealTimers();
    }
  });

  it('never turns input text into markup', () => {
    const attack = '<img src=x onerror=alert(1)>';
    act(() => {
      expect(useScene.getState().setInputText(attack)).toBeNull();
    });
    const { container } = render(<EquationsPanel paneId="A" />);
    for (let t = 1; t <= Array.from(attack).length; t++) {
      act(() => useScene.getState().setStep(t));
      expect(container.querySelector('img, script, [onerror]')).toBeNull();
    }
    act(() => useScene.getState().setStep(1));
    expect(screen.getByText(/“<”/)).toBeInTheDocument();
  });

  it('a step leaves the Notation radios and the Unit field untouched', async () => {
    renderPanel();
    const controls = [
      screen.getByRole('radiogroup', { name: 'Notation' }),
      screen.getByRole('spinbutton', { name: 'Unit' }),
    ];
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    for (const element of controls) observer.observe(element, { subtree: true, attributes: true });
    act(() => useScene.getState().setStep(5));
    await Promise.resolve(); // the observer reports in a microtask
    observer.disconnect();
    expect(screen.getByText(/step 5 of 11/)).toBeInTheDocument();
    expect(changes.map((r) => r.attributeName)).toEqual([]);
  });

  it('tells its region once its numbers show', () => {
    const landed = vi.fn();
    const { container } = render(<EquationsPanel paneId="A" onLanded={landed} />);
    expect(container.querySelector('.eq-num')).not.toBeNull();
    expect(landed).toHaveBeenCalledTimes(1);
  });

  it('renders nothing for a pane that does not exist', () => {
    const { container } = render(<EquationsPanel paneId="C" />);
    expect(container).toBeEmptyDOMElement();
  });
});
