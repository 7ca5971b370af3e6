import { useScene } from '../../store';
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

/** Compare mode's scene: the panes side by side, one column each, under their toolbar. */
export function ComparePanes({ editable, showDiagram, showHeatmaps }: ComparePanesProps) {
  const ids = useScene((s) => s.panes.map((p) => p.id).join(''));
  const panes = [...ids] as PaneId[];
  return (
    <div className="compare">
      {editable && <CompareToolbar />}
      <div className="compare-panes" data-count={panes.length}>
        {panes.map((id) => (
          <ComparePane
            key={id}
            paneId={id}
            removable={editable && panes.length > 1}
            showDiagram={showDiagram}
            showHeatmaps={showHeatmaps}
          />
        ))}
      </div>
    </div>
  );
}
