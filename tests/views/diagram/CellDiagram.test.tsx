// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScene } from '../../../src/store';
import { CellDiagram } from '../../../src/views/diagram/CellDiagram';
import { paneA, resetScene, traceOf, valueAt } from './support';

const TEXT = 'hello world';
const p3 = (v: number) => v.toPrecision(3);

beforeEach(resetScene);

/** The printed value of a gate box. */
function boxValue(container: HTMLElement, name: string): string | null | undefined {
  return container.querySelector(`[data-gate="${name}"] .cd-gate-value`)?.textContent;
}

function boxTitle(container: HTMLElement, name: string): string | null | undefined {
  return container.querySelector(`[data-gate="${name}"] .cd-gate-title`)?.textContent;
}

describe('LSTM diagram', () => {
  it('prints each gate of the selected unit at step t, as the engine computes it', () => {
    act(() => {
      useScene.getState().setStep(3);
      useScene.getState().setUnit(2);
    });
    const { container } = render(<CellDiagram paneId="A" />);
    const trace = traceOf(paneA(), TEXT);
    for (const name of ['f', 'i', 'g', 'o']) {
      expect(boxValue(container, name)).toBe(p3(valueAt(trace, 0, name, 3, 2)));
    }
    const f = p3(valueAt(trace, 0, 'f', 3, 2));
    expect(screen.getByRole('button', { name: `forget gate f: ${f}` })).toBeInTheDocument();
    const c = p3(valueAt(trace, 0, 'c', 3, 2));
    expect(screen.getByRole('button', { name: `cell state c: ${c}` })).toBeInTheDocument();
    // c_{t−1} and h_{t−1} are step 2's c and h.
    expect(container.querySelector('[data-port="c_{t−1}"] .cd-port-value')?.textContent).toBe(
      p3(valueAt(trace, 0, 'c', 2, 2)),
    );
    expect(container.querySelector('[data-port="h_{t−1}"] .cd-port-value')?.textContent).toBe(
      p3(valueAt(trace, 0, 'h', 2, 2)),
    );
  });

  it('is an image named "LSTM cell diagram, step t" that follows the time cursor', () => {
    render(<CellDiagram paneId="A" />);
    expect(screen.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeInTheDocument();
    act(() => useScene.getState().setStep(3));
    expect(screen.getByRole('img', { name: 'LSTM cell diagram, step 3' })).toBeInTheDocument();
  });

  it('starts from a zero state at step 1', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    expect(container.querySelector('[data-port="c_{t−1}"] .cd-port-value')?.textContent).toBe(
      '0.00',
    );
    expect(container.querySelector('[data-port="h_{t−1}"] .cd-port-value')?.textContent).toBe(
      '0.00',
    );
    expect(container.querySelector('[data-port="x_{t} = ‘h’"]')).not.toBeNull();
  });

  it('draws one bar per unit and marks the selected unit; clicking a bar selects it', () => {
    act(() => useScene.getState().setUnit(5));
    const { container } = render(<CellDiagram paneId="A" />);
    const bars = container.querySelectorAll('[data-gate="f"] .cd-bar');
    expect(bars).toHaveLength(8);
    expect(bars[5]).toHaveClass('is-selected');
    fireEvent.click(bars[1]!);
    expect(useScene.getState().unit).toBe(1);
    expect(container.querySelectorAll('[data-gate="f"] .cd-bar')[1]).toHaveClass('is-selected');
  });

  it('clamps the selected unit into the layer', () => {
    act(() => useScene.getState().setUnit(40));
    const { container } = render(<CellDiagram paneId="A" />);
    const trace = traceOf(paneA(), TEXT);
    expect(boxValue(container, 'f')).toBe(p3(valueAt(trace, 0, 'f', 1, 7)));
  });

  it('sets the scene hover from the boxes and the chips, and shows a tooltip', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    const box = container.querySelector('[data-gate="f"]')!;
    fireEvent.pointerEnter(box);
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'f' });
    expect(screen.getByRole('tooltip')).toHaveTextContent(/forget gate/);
    expect(screen.getByRole('tooltip')).toHaveTextContent(/old cell state/);
    fireEvent.pointerLeave(box);
    expect(useScene.getState().hovered).toBeNull();
    expect(screen.queryByRole('tooltip')).toBeNull();

    const chip = screen.getByRole('button', { name: /^output gate o:/ });
    act(() => chip.focus());
    expect(useScene.getState().hovered).toEqual({ pane: 'A', name: 'o' });
    const tip = screen.getByRole('tooltip');
    expect(chip).toHaveAttribute('aria-describedby', tip.id);
    expect(container.querySelector('[data-gate="o"]')).toHaveClass('is-highlighted');
    act(() => chip.blur());
    expect(useScene.getState().hovered).toBeNull();
  });

  it('highlights the box another view hovers, for this pane only', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    act(() => useScene.getState().setHovered({ pane: 'A', name: 'g' }));
    expect(container.querySelector('[data-gate="g"]')).toHaveClass('is-highlighted');
    expect(container.querySelector('[data-gate="f"]')).not.toHaveClass('is-highlighted');
    act(() => useScene.getState().setHovered({ pane: 'B', name: 'f' }));
    expect(container.querySelector('[data-gate="f"]')).not.toHaveClass('is-highlighted');
  });

  it('keeps focusable elements out of the image', () => {
    render(<CellDiagram paneId="A" />);
    const img = screen.getByRole('img');
    expect(img.querySelectorAll('[tabindex], button, a, input, select')).toHaveLength(0);
  });
});

describe('gate naming toggle', () => {
  it('switches to learn / forget / remember / use names and back', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    const group = screen.getByRole('radiogroup', { name: 'Gate names' });
    expect(boxTitle(container, 'i')).toBe('input gate');
    expect(boxTitle(container, 'o')).toBe('output gate');
    expect(container.querySelector('[data-group]')).toBeNull();

    fireEvent.click(within(group).getByRole('radio', { name: /learn/i }));
    expect(useScene.getState().naming).toBe('lfru');
    expect(boxTitle(container, 'i')).toBe('ignore factor');
    expect(boxTitle(container, 'o')).toBe('use factor');
    expect(boxTitle(container, 'f')).toBe('forget gate');
    const groups = [...container.querySelectorAll('[data-group]')].map((g) =>
      g.getAttribute('data-group'),
    );
    expect(groups).toEqual(['remember gate', 'learn gate', 'use gate']);
    expect(screen.getByRole('button', { name: /^remember gate c:/ })).toBeInTheDocument();

    fireEvent.click(within(group).getByRole('radio', { name: 'Standard' }));
    expect(useScene.getState().naming).toBe('standard');
    expect(boxTitle(container, 'i')).toBe('input gate');
  });
});

describe('layer selector', () => {
  it('is hidden for one layer', () => {
    render(<CellDiagram paneId="A" />);
    expect(screen.queryByRole('combobox', { name: 'Layer' })).toBeNull();
  });

  it('appears for two layers and switches the drawn layer', () => {
    act(() => {
      useScene.getState().updatePane('A', { numLayers: 2 });
      useScene.getState().setStep(4);
    });
    const { container } = render(<CellDiagram paneId="A" />);
    const select = screen.getByRole('combobox', { name: 'Layer' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Layer 1', 'Layer 2']);
    const trace = traceOf(paneA(), TEXT);
    expect(boxValue(container, 'f')).toBe(p3(valueAt(trace, 0, 'f', 4, 0)));

    fireEvent.change(select, { target: { value: '1' } });
    expect(useScene.getState().layer).toBe(1);
    expect(boxValue(container, 'f')).toBe(p3(valueAt(trace, 1, 'f', 4, 0)));
    expect(container.querySelector('[data-port="x_{t} = h_{t} of layer 1"]')).not.toBeNull();
  });
});

describe('GRU diagram', () => {
  it('states its convention and rewires when the convention changes', () => {
    act(() => {
      useScene.getState().updatePane('A', { cell: 'gru', convention: 'pytorch' });
      useScene.getState().setStep(4);
    });
    const { container } = render(<CellDiagram paneId="A" />);
    const img = screen.getByRole('img', { name: 'GRU cell diagram, step 4' });
    expect(img).toHaveTextContent('PyTorch convention');
    expect(container.querySelector('[data-wire="r-after-matrix"]')).not.toBeNull();
    expect(container.querySelector('[data-wire="h-to-matrix"]')).not.toBeNull();
    expect(container.querySelector('[data-node="one-minus-on-branch"]')).not.toBeNull();
    let trace = traceOf(paneA(), TEXT);
    expect(boxValue(container, 'n')).toBe(p3(valueAt(trace, 0, 'n', 4, 0)));
    expect(boxValue(container, 'z')).toBe(p3(valueAt(trace, 0, 'z', 4, 0)));

    act(() => {
      useScene.getState().updatePane('A', { convention: 'classic' });
    });
    expect(img).toHaveTextContent('Classic (Cho 2014) convention');
    expect(img).not.toHaveTextContent('PyTorch convention');
    expect(container.querySelector('[data-wire="r-after-matrix"]')).toBeNull();
    expect(container.querySelector('[data-wire="r-before-matrix"]')).not.toBeNull();
    expect(container.querySelector('[data-wire="h-to-reset"]')).not.toBeNull();
    expect(container.querySelector('[data-node="one-minus-on-state"]')).not.toBeNull();
    expect(container.querySelector('[data-node="one-minus-on-branch"]')).toBeNull();
    trace = traceOf(paneA(), TEXT);
    expect(boxValue(container, 'n')).toBe(p3(valueAt(trace, 0, 'n', 4, 0)));
    expect(
      screen.getByRole('button', { name: `candidate h̃: ${p3(valueAt(trace, 0, 'n', 4, 0))}` }),
    ).toBeInTheDocument();
  });

  it('has no naming toggle (the names are an LSTM matter)', () => {
    act(() => {
      useScene.getState().updatePane('A', { cell: 'gru' });
    });
    render(<CellDiagram paneId="A" />);
    expect(screen.queryByRole('radiogroup', { name: 'Gate names' })).toBeNull();
  });
});

describe('RNN diagram', () => {
  it('shows tanh or relu on the loop', () => {
    act(() => {
      useScene.getState().updatePane('A', { cell: 'rnn', nonlinearity: 'tanh' });
      useScene.getState().setStep(2);
    });
    const { container } = render(<CellDiagram paneId="A" />);
    const img = screen.getByRole('img', { name: 'RNN cell diagram, step 2' });
    expect(boxTitle(container, 'h')).toBe('tanh');
    expect(img).toHaveTextContent('h = tanh(a)');
    let trace = traceOf(paneA(), TEXT);
    expect(boxValue(container, 'h')).toBe(p3(valueAt(trace, 0, 'h', 2, 0)));
    expect(boxValue(container, 'pre')).toBe(p3(valueAt(trace, 0, 'pre', 2, 0)));

    act(() => {
      useScene.getState().updatePane('A', { nonlinearity: 'relu' });
    });
    expect(boxTitle(container, 'h')).toBe('relu');
    expect(img).toHaveTextContent('h = relu(a)');
    expect(img).not.toHaveTextContent('tanh');
    trace = traceOf(paneA(), TEXT);
    expect(boxValue(container, 'h')).toBe(p3(valueAt(trace, 0, 'h', 2, 0)));
  });
});

describe('errors', () => {
  it('shows why a pane has no trace in an alert', () => {
    act(() => {
      useScene.setState((s) => ({ panes: s.panes.map((p) => ({ ...p, hiddenSize: 0 })) }));
    });
    render(<CellDiagram paneId="A" />);
    expect(screen.getByRole('alert')).toHaveTextContent(/hiddenSize/);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('renders nothing for a pane that does not exist', () => {
    const { container } = render(<CellDiagram paneId="C" />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('a step rewrites only what it changes', () => {
  it('leaves the Gate names radios untouched (React would set their name and type again)', async () => {
    const { container } = render(<CellDiagram paneId="A" />);
    const group = screen.getByRole('radiogroup', { name: 'Gate names' });
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(group, { subtree: true, attributes: true, childList: true });
    act(() => useScene.getState().setStep(4));
    await Promise.resolve(); // the observer reports in a microtask
    observer.disconnect();
    expect(container.querySelector('[data-gate="f"] .cd-gate-value')).not.toBeNull();
    expect(changes.map((r) => r.attributeName ?? r.type)).toEqual([]);
  });

  it('renders nothing in React on a step, and a later render keeps the step’s numbers', () => {
    let commits = 0;
    const { container } = render(
      <Profiler id="diagram" onRender={() => (commits += 1)}>
        <CellDiagram paneId="A" />
      </Profiler>,
    );
    const trace = traceOf(paneA(), TEXT);
    const shown = () => ({
      f: boxValue(container, 'f'),
      wire: container.querySelector('[data-wire="f"] .cd-wire-line')?.getAttribute('stroke-width'),
      port: container.querySelector('[data-port="x_{t} = ‘l’"]') !== null,
      name: screen.getByRole('img').getAttribute('aria-label'),
    });
    const before = commits;
    act(() => useScene.getState().setStep(4));
    expect(commits).toBe(before);
    const atStep4 = shown();
    const f4 = valueAt(trace, 0, 'f', 4, 0);
    expect(atStep4.f).toBe(p3(f4));
    expect(Number(atStep4.wire)).toBeCloseTo(1.5 + 4.5 * Math.min(1, Math.abs(f4)), 12);
    expect(atStep4).toMatchObject({ port: true, name: 'LSTM cell diagram, step 4' });
    // Hovering a box renders the diagram again: the numbers written for step 4 stay.
    fireEvent.pointerEnter(container.querySelector('[data-gate="o"]')!);
    expect(commits).toBeGreaterThan(before);
    expect(shown()).toEqual(atStep4);
    expect(screen.getByRole('tooltip')).toHaveTextContent(p3(valueAt(trace, 0, 'o', 4, 0)));
    act(() => useScene.getState().setStep(5));
    expect(screen.getByRole('tooltip')).toHaveTextContent(p3(valueAt(trace, 0, 'o', 5, 0)));
    expect(boxValue(container, 'f')).toBe(p3(valueAt(trace, 0, 'f', 5, 0)));
  });

  it('shows a new weight scale’s numbers everywhere, though the drawing itself is kept', () => {
    const { container } = render(<CellDiagram paneId="A" />);
    act(() => useScene.getState().setStep(3));
    const f = container.querySelector('[data-gate="f"] .cd-gate-value');
    act(() => void useScene.getState().updatePane('A', { weightScale: 2.5 }));
    const trace = traceOf(paneA(), TEXT);
    expect(container.querySelector('[data-gate="f"] .cd-gate-value')).toBe(f); // same element
    for (const name of ['f', 'i', 'g', 'o']) {
      expect(boxValue(container, name)).toBe(p3(valueAt(trace, 0, name, 3, 0)));
    }
    const c = p3(valueAt(trace, 0, 'c', 3, 0));
    expect(screen.getByRole('button', { name: `cell state c: ${c}` })).toBeInTheDocument();
    expect(container.querySelector('[data-port="c_{t−1}"] .cd-port-value')?.textContent).toBe(
      p3(valueAt(trace, 0, 'c', 2, 0)),
    );
  });
});
