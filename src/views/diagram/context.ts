import { createContext, useContext } from 'react';
import type { FlowRegistry } from './flow';

/** What every part of a drawn diagram shares: its marker, animation, unit and hover. */
export interface DiagramEnv {
  /** id of this diagram's arrowhead marker (unique per diagram on the page). */
  readonly arrowId: string;
  /** Where wires and boxes register for the per-step animation. */
  readonly flow: FlowRegistry;
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
