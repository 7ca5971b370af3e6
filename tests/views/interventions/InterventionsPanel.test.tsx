// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScene } from '../../../src/store';
import { InterventionsPanel } from '../../../src/views/interventions/InterventionsPanel';

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
});

describe('InterventionsPanel', () => {
  it('adds a clamp from the form, lists it in words, shows what changed, and removes it', () => {
    // The default scene: an 8-unit LSTM with drawn weights on "hello world" (11 steps).
    render(<InterventionsPanel />);
    const form = screen.getByRole('form', { name: 'Change model A’s run' });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Gate' }), {
      target: { value: 'f' },
    });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Unit' }), {
      target: { value: '2' },
    });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'From step' }), {
      target: { value: '5' },
    });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'To step' }), {
      target: { value: '6' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    const list = screen.getByRole('list', { name: 'Interventions on model A' });
    expect(within(list).getByRole('listitem').textContent).toMatch(
      /^f of unit 3 forced to 0 at steps 5–6/,
    );
    expect(useScene.getState().panes[0]!.interventions).toEqual([
      { layer: 0, gate: 'f', unit: 2, from: 4, to: 5, value: 0 },
    ]);
    // No read-out head: the summary says how far the last h moved; f and later c, h differ.
    expect(screen.getByRole('status').textContent).toMatch(/^h at step 11 moved by /);
    const diffs = [...document.querySelectorAll('.iv-diff')].map((d) =>
      d.getAttribute('data-quantity'),
    );
    expect(diffs).toContain('f');
    expect(diffs).toContain('c');
    fireEvent.click(within(list).getByRole('button', { name: /^Remove/ }));
    expect(screen.queryByRole('list', { name: 'Interventions on model A' })).toBeNull();
    expect(useScene.getState().panes[0]!.interventions).toEqual([]);
  });

  it('says what the common values do to a sigmoid gate (0 shuts it, 1 opens it), and sets them', () => {
    render(<InterventionsPanel />);
    const form = screen.getByRole('form', { name: 'Change model A’s run' });
    const gate = within(form).getByRole('combobox', { name: 'Gate' });
    const presets = () =>
      within(within(form).getByRole('group', { name: 'Common values' }))
        .getAllByRole('button')
        .map((b) => b.textContent);
    fireEvent.change(gate, { target: { value: 'f' } });
    expect(presets()).toEqual(['0 (shut)', '1 (open)']);
    fireEvent.click(within(form).getByRole('button', { name: '1 (open)' }));
    expect(within(form).getByRole('spinbutton', { name: 'Value' })).toHaveValue(1);
    // The candidate g is a tanh, in [−1, 1]: 0 and 1 are values, not shut and open.
    fireEvent.change(gate, { target: { value: 'g' } });
    expect(presets()).toEqual(['0', '1']);
  });

  it('shows the engine’s refusal beside the form and adds nothing', () => {
    render(<InterventionsPanel />);
    const form = screen.getByRole('form', { name: 'Change model A’s run' });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Value' }), {
      target: { value: '2' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(within(form).getByRole('alert').textContent).toMatch(/value must be from 0 to 1/);
    expect(useScene.getState().panes[0]!.interventions).toEqual([]);
  });

  it('silences a unit from a step on: h and c forced to 0, two interventions', () => {
    render(<InterventionsPanel />);
    const form = screen.getByRole('form', { name: 'Change model A’s run' });
    fireEvent.change(within(form).getByRole('combobox', { name: 'What' }), {
      target: { value: 'silence' },
    });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'From step on' }), {
      target: { value: '3' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(useScene.getState().panes[0]!.interventions.map((iv) => iv.gate)).toEqual(['c', 'h']);
    expect(useScene.getState().panes[0]!.interventions[0]).toMatchObject({ from: 2, to: 10 });
  });
});
