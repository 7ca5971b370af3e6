import type { CellType } from '../../engine';
import type { PaneId } from '../../scene';
import { HEATMAP_QUANTITIES, heatmapLabel } from '../heatmaps/quantities';

/** A picture the menu can export. */
export type ExportTarget =
  | { readonly kind: 'diagram' }
  | { readonly kind: 'heatmap'; readonly name: string }
  | { readonly kind: 'gradients' };

/** One option of the "Export target" select. */
export interface TargetOption {
  /** Option value: "diagram", "heatmap:f", "gradients". */
  readonly value: string;
  /** Option text, the target's accessible name in the page: "Heatmap of f (forget gate)". */
  readonly label: string;
  readonly target: ExportTarget;
}

/** The accessible name of the gradient plot (GradientPlot). */
export const GRADIENT_PLOT_NAME = 'Vanishing-gradient plot';

/** The targets of a pane's cell, in page order: diagram, each heatmap, the gradient plot. */
export function targetOptions(cell: CellType): TargetOption[] {
  return [
    { value: 'diagram', label: 'Cell diagram', target: { kind: 'diagram' } },
    ...HEATMAP_QUANTITIES[cell].map((name) => ({
      value: `heatmap:${name}`,
      label: heatmapLabel(name),
      target: { kind: 'heatmap', name } as const,
    })),
    { value: 'gradients', label: GRADIENT_PLOT_NAME, target: { kind: 'gradients' } },
  ];
}

/** True when an element belongs to the pane: inside its `data-pane` or its heatmap group. */
function inPane(element: Element, paneId: PaneId): boolean {
  const owner = element.closest('[data-pane]');
  if (owner) return owner.getAttribute('data-pane') === paneId;
  const group = element.closest('[role="group"][aria-labelledby]');
  return group?.getAttribute('aria-labelledby') === `heatmaps-${paneId}-title`;
}

/** The role="img" elements of the page named `name` (or whose name passes `test`). */
function imagesNamed(root: ParentNode, test: (name: string) => boolean): Element[] {
  return Array.from(root.querySelectorAll('[role="img"][aria-label]')).filter((el) =>
    test(el.getAttribute('aria-label') ?? ''),
  );
}

/**
 * The on-screen element of a target, found by its accessible name (its public name, not a
 * styling class): the pane's "LSTM cell diagram, step 3" `<svg>`, its "Heatmap of f
 * (forget gate)" figure, or the "Vanishing-gradient plot" `<svg>`. With several panes the
 * one inside this pane wins. Null when it is not in the page.
 */
export function findTargetElement(
  target: ExportTarget,
  paneId: PaneId,
  root: ParentNode = document,
): Element | null {
  let found: Element[];
  if (target.kind === 'gradients') found = imagesNamed(root, (n) => n === GRADIENT_PLOT_NAME);
  else if (target.kind === 'diagram') {
    found = imagesNamed(root, (n) => /^(LSTM|GRU|RNN) cell diagram, step \d+$/.test(n));
  } else {
    const name = heatmapLabel(target.name);
    found = imagesNamed(root, (n) => n === name);
  }
  if (target.kind === 'gradients') return found[0] ?? null;
  return found.find((el) => inPane(el, paneId)) ?? (found.length === 1 ? found[0]! : null);
}
