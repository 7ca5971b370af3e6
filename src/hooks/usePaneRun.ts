import { useDeferredValue } from 'react';
import { paneRunOf, useScene, type PaneRun } from '../store';
import type { PaneId, PaneSettings } from '../scene';

/** A pane's settings, or undefined once it has been removed. */
export function usePane(id: PaneId): PaneSettings | undefined {
  return useScene((s) => s.panes.find((p) => p.id === id));
}

/**
 * The pane's memoized run (model + trace) on the scene's input. Re-renders only when
 * that pane's settings or the input change, never on a step.
 */
export function usePaneRun(id: PaneId): PaneRun | undefined {
  const pane = usePane(id);
  const input = useScene((s) => s.input);
  return pane ? paneRunOf(pane, input) : undefined;
}

/**
 * The pane's run for the heavy views (heatmaps, equations): while a slider is dragged it
 * lags one render behind, so the slider and the diagram update at once and these views
 * catch up in a render React may interrupt (`useDeferredValue`).
 */
export function useDeferredPaneRun(id: PaneId): PaneRun | undefined {
  return useDeferredValue(usePaneRun(id));
}
