// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/App';
import { goToStop } from '../../../src/lessons/navigate';
import { useScene } from '../../../src/store';

beforeEach(() => {
  localStorage.clear();
  useScene.setState(useScene.getInitialState(), true);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete document.documentElement.dataset.presentation;
});

const LOADED = { timeout: 15_000 };
const hasRegion = (name: string) => screen.queryByRole('region', { name }) !== null;

describe('a lesson in presentation mode', () => {
  it('shows the views the stop refers to, and only those', () => {
    render(<App />);
    // Lesson 3, stop 1: "the plot is on a log scale" (the gradient plot).
    act(() => {
      goToStop(useScene, 'exploding-gradients', 0);
      useScene.getState().setPresentation(true);
    });
    expect(hasRegion('Gradients through time')).toBe(true);
    expect(hasRegion('Gate heatmaps')).toBe(false);
    // Lesson 1, stop 5: "In the heatmaps, the f rows …".
    act(() => void goToStop(useScene, 'conveyor-belt', 4));
    expect(hasRegion('Gate heatmaps')).toBe(true);
    expect(hasRegion('Gradients through time')).toBe(false);
    // Lesson 5, stop 3: "The Comparison table shows the price".
    act(() => void goToStop(useScene, 'gru-simplified', 2));
    expect(hasRegion('Comparison')).toBe(true);
    // A stop that refers to none: the diagram and the equations alone.
    act(() => void goToStop(useScene, 'gru-simplified', 0));
    expect(hasRegion('Comparison')).toBe(false);
    expect(hasRegion('Gradients through time')).toBe(false);
    // Without presentation every view is there, as before.
    act(() => useScene.getState().setPresentation(false));
    expect(hasRegion('Comparison')).toBe(true);
    expect(hasRegion('Gradients through time')).toBe(true);
  });

  it('choosing from the Lesson picker hands the keys back to the page', async () => {
    render(<App />);
    const picker = screen.getByRole('combobox', { name: 'Lesson' });
    picker.focus();
    fireEvent.change(picker, { target: { value: 'exploding-gradients' } });
    expect(useScene.getState().lesson).toBe('exploding-gradients');
    expect(picker).not.toHaveFocus();
    const caption = await screen.findByText(/A plain RNN with random orthogonal/, {}, LOADED);
    await waitFor(() => expect(caption).toHaveFocus());
    // So a clicker's Page Down moves to the next stop, not to the next lesson.
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(useScene.getState().lesson).toBe('exploding-gradients');
    expect(useScene.getState().stop).toBe(1);
  });
});
