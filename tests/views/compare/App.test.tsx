// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/App';
import { useLinkNotice } from '../../../src/io/notices';
import { useScene } from '../../../src/store';
import { startSceneSync } from '../../../src/store/sceneSync';

beforeEach(() => {
  // Start from the schema's default scene, with no saved scene around.
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', `${location.pathname}#v=1`);
  useScene.setState(useScene.getInitialState(), true);
  // jsdom has no 2D canvas: the heatmaps draw nothing, without its "not implemented" log.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  vi.restoreAllMocks();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.presentation;
});

/** Wait for a lazily loaded panel: its module is transformed on first import, slowly here. */
const LOADED = { timeout: 15_000 };
const SINGLE = ['Controls', 'Cell diagram', 'Gate heatmaps', 'Equations', 'Gradients through time'];
const region = (name: string) => screen.getByRole('region', { name });
/**
 * A pane's region, once every pane has rendered (one per task, left to right, behind a
 * placeholder). Waits on the placeholders, a cheap query, rather than polling the
 * accessible names of the whole page, which is slow in jsdom.
 */
async function paneRegion(name: string): Promise<HTMLElement> {
  await waitFor(
    () => expect(document.querySelector('.compare-panes .panel-loading')).toBeNull(),
    LOADED,
  );
  return region(name);
}
const hasRegion = (name: string) => screen.queryByRole('region', { name }) !== null;
const compare = () => screen.getByRole('button', { name: 'Compare' });

describe('compare mode', () => {
  it('one pane keeps the five regions; Compare shows "Model A — LSTM" and "Model B — GRU"', async () => {
    render(<App />);
    for (const name of SINGLE) expect(hasRegion(name)).toBe(true);
    expect(compare()).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(compare());
    expect(compare()).toHaveAttribute('aria-pressed', 'true');
    expect(hasRegion('Cell diagram')).toBe(false);
    expect(hasRegion('Gate heatmaps')).toBe(false);
    const a = region('Model A — LSTM');
    const b = await paneRegion('Model B — GRU');
    expect(within(a).getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeTruthy();
    expect(within(b).getByRole('img', { name: 'GRU cell diagram, step 1' })).toBeTruthy();
    expect(within(a).getByText('576 parameters')).toBeTruthy();
    expect(within(b).getByText('432 parameters')).toBeTruthy();
    // The heatmaps' code loads after first paint (import()): a placeholder, then the panel.
    expect(await within(a).findByRole('group', { name: /^Pane A: LSTM/ }, LOADED)).toBeTruthy();
    expect(hasRegion('Comparison')).toBe(true);
    for (const name of ['Controls', 'Equations', 'Gradients through time']) {
      expect(hasRegion(name)).toBe(true);
    }
  });

  it('shows both models’ equations side by side, in the one notation of the scene', async () => {
    render(<App />);
    fireEvent.click(compare());
    const equations = region('Equations');
    await waitFor(
      () => expect(equations.querySelectorAll('.equations-panel')).toHaveLength(2),
      LOADED,
    );
    const panels = [...equations.querySelectorAll('.equations-panel')];
    expect(panels.map((p) => p.getAttribute('data-pane'))).toEqual(['A', 'B']);
    expect(
      within(equations).getByRole('region', { name: 'Equations of Model A — LSTM' }),
    ).toBeTruthy();
    expect(
      within(equations).getByRole('region', { name: 'Equations of Model B — GRU' }),
    ).toBeTruthy();
    // Switching the notation in one panel switches both (it is the scene's, in the link).
    const [first] = within(equations).getAllByRole('radio', { name: /course notes/ });
    fireEvent.click(first!);
    expect(useScene.getState().notation).toBe('concat');
    for (const group of within(equations).getAllByRole('radiogroup', { name: 'Notation' })) {
      expect(within(group).getByRole('radio', { checked: true })).toHaveAttribute(
        'value',
        'concat',
      );
    }
  });
});

describe('presentation, editing hidden and theme', () => {
  it('P folds the editing panels away and marks <html>; P again brings them back', () => {
    render(<App />);
    act(() => {
      fireEvent.keyDown(window, { key: 'p' });
    });
    expect(screen.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(document.documentElement).toHaveAttribute('data-presentation');
    expect(hasRegion('Controls')).toBe(false);
    expect(hasRegion('Gate heatmaps')).toBe(false);
    expect(hasRegion('Gradients through time')).toBe(false);
    expect(hasRegion('Cell diagram')).toBe(true);
    expect(hasRegion('Equations')).toBe(true);
    expect(screen.getByRole('slider', { name: 'Time step' })).toBeTruthy();
    act(() => {
      fireEvent.keyDown(window, { key: 'P' });
    });
    expect(document.documentElement).not.toHaveAttribute('data-presentation');
    expect(hasRegion('Controls')).toBe(true);
  });

  it('a lesson link’s editingHidden hides Controls behind a "Show controls" button', () => {
    history.replaceState(null, '', `${location.pathname}#v=1&noedit=1`);
    const stopSync = startSceneSync(useScene, useLinkNotice); // as main.tsx does, before render
    render(<App />);
    expect(hasRegion('Controls')).toBe(false);
    expect(hasRegion('Gate heatmaps')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Show controls' }));
    expect(useScene.getState().editingHidden).toBe(false);
    expect(hasRegion('Controls')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Hide controls' }));
    expect(hasRegion('Controls')).toBe(false);
    stopSync();
  });

  it('the Theme select sets the store and data-theme on <html>; System removes it', () => {
    render(<App />);
    const theme = screen.getByRole('combobox', { name: 'Theme' });
    expect(theme).toHaveValue('system');
    fireEvent.change(theme, { target: { value: 'dark' } });
    expect(useScene.getState().theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    fireEvent.change(theme, { target: { value: 'light' } });
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.change(theme, { target: { value: 'system' } });
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('the weight-scale slider updates the pane on input, on a log scale', () => {
    render(<App />);
    const slider = screen.getByRole('slider', { name: 'Weight scale slider' });
    expect(slider).toHaveValue('0');
    fireEvent.change(slider, { target: { value: '30' } });
    expect(useScene.getState().panes[0]?.weightScale).toBe(2);
    expect(screen.getByRole('spinbutton', { name: 'Weight scale' })).toHaveValue(2);
    fireEvent.change(slider, { target: { value: '-130' } });
    expect(useScene.getState().panes[0]?.weightScale).toBe(0.0501);
  });
});
