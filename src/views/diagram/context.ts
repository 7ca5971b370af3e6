import { createContext, useContext, useLayoutEffect } from 'react';
import type { FlowRegistry } from './flow';
import type { StepBus, StepWriter } from './stepBus';

/** What every part of a drawn diagram shares: its marker, animation, numbers, unit and hover. */
export interface DiagramEnv {
  /** id of this diagram's arrowhead marker (unique per diagram on the page). */
  readonly arrowId: string;
  /** Where wires and boxes register for the per-step animation. */
  readonly flow: FlowRegistry;
  /** Where parts that print numbers register for each step's (see {@link useStepWriter}). */
  readonly steps: StepBus;
  /** Selected unit j, 0-based, already clamped to the layer's units. */
  readonly unit: number;
  /** True when quantity `name` of this pane is hovered, here or in another view. */
  readonly isHighlighted: (name: string) => boolean;
  /** Pointer entered (`name`) or left (null) a quantity: sets the scene's hover and the tooltip. */
  readonly hover: (name: string | null) => void;
  /** Selects unit j (clicking a bar of a unit strip). */
  readonly selectUnit: (j: number) => void;
}

/** Context carrying the {@link DiagramEnv} of the diagram being drawn. */
export const DiagramContext = createContext<DiagramEnv | null>(null);

/** The enclosing diagram's {@link DiagramEnv}; throws outside a diagram. */
export function useDiagram(): DiagramEnv {
  const env = useContext(DiagramContext);
  if (!env) throw new Error('Gatescope: a diagram part was rendered outside <CellDiagram>.');
  return env;
}

/**
 * Registers `write` with the diagram's {@link StepBus} while the part is mounted: it runs on
 * every step, and once after each render of the diagram (which publishes the step again),
 * so it must write every value it owns. A new closure on each render just re-registers.
 */
export function useStepWriter(write: StepWriter): void {
  const { steps } = useDiagram();
  useLayoutEffect(() => steps.add(write), [steps, write]);
}
