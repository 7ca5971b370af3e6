import { useScene } from '../../store';
import { rendersOneByOne } from './stagger';
import { useOneByOne } from './useOneByOne';
import type { PaneId } from '../../scene';
import { CompareToolbar } from './CompareToolbar';
import { ComparePane } from './ComparePane';

/** Props of {@link ComparePanes}. */
export interface ComparePanesProps {
  /** Editing offered: the toolbar (Add model, Match parameter count) and Remove model. */
  editable: boolean;
  /** Draw each pane's cell diagram. */
  showDiagram: boolean;
  /** Draw each pane's heatmaps. */
  showHeatmaps: boolean;
}

/** Height a pane's placeholder keeps until the pane renders, CSS px (about a pane's own). */
const PANE_PLACEHOLDER_PX = 640;

/**
 * Compare mode's scene: the panes side by side, one column each, under their toolbar.
 * When the models are large, the panes render one per task, left to right, after the
 * page's first render (a placeholder of about their height until then), so that opening
 * three large models never blocks the page in one long task: each pane builds its model
 * in its own.
 */
export function ComparePanes({ editable, showDiagram, showHeatmaps }: ComparePanesProps) {
  const ids = useScene((s) => s.panes.map((p) => p.id).join(''));
  const panes = [...ids] as PaneId[];
  // None in the page's first task, which builds the page itself; then one per task.
  const rendered = useOneByOne(panes.length, useScene(rendersOneByOne), { first: 0 });
  return (
    <div className="compare">
      {editable && <CompareToolbar />}
      <div className="compare-panes" data-count={panes.length}>
        {panes.map((id, k) =>
          k >= rendered ? (
            <div
              key={id}
              className="panel-loading"
              role="status"
              aria-busy="true"
              style={{ minHeight: PANE_PLACEHOLDER_PX }}
            >
              Loading model {id}…
            </div>
          ) : (
            <ComparePane
              key={id}
              paneId={id}
              removable={editable && panes.length > 1}
              showDiagram={showDiagram}
              showHeatmaps={showHeatmaps}
            />
          ),
        )}
      </div>
    </div>
  );
}
