import { multiplyAddsPerStep, paneSizeOf } from '../../store';
import { sequenceLength, type InputSettings, type PaneSettings } from '../../scene';

/**
 * Multiply-adds of one pane's forward pass above which compare mode renders its panes one
 * per task (about 20 ms of model building and first render each, on this machine kind).
 */
export const STAGGER_ABOVE_MACS = 2e7;

/**
 * Whether compare mode renders the panes one per task, left to right: when any pane is
 * large enough that building every model at once would block the page in one long task.
 * Small models all render at once, so a shared link shows its scene a task sooner.
 */
export function rendersOneByOne(s: {
  panes: readonly PaneSettings[];
  input: InputSettings;
}): boolean {
  const T = sequenceLength(s.input);
  return s.panes.some((p) => T * multiplyAddsPerStep(paneSizeOf(p, s.input)) > STAGGER_ABOVE_MACS);
}
