import { usePane, usePaneRun } from '../../hooks/usePaneRun';
import { PanelBoundary } from '../PanelBoundary';
import { paneParameterCount, useScene } from '../../store';
import { type PaneId } from '../../scene';
import { FOCUS_IDS, focusSoon } from '../controls/focusSoon';
import { CellDiagram } from '../diagram/CellDiagram';
import { PANE_COLORS } from '../gradients/paneColors';
import { ReadoutPanel } from '../readout/ReadoutPanel';
import { LazyPanel } from '../LazyPanel';
import { LazyGateHeatmaps } from '../lazyPanels';
import { Region } from '../Region';
import { paneTitle, parametersText, weightsText } from './labels';

/** Props of {@link ComparePane}. */
export interface ComparePaneProps {
  /** The pane shown. */
  paneId: PaneId;
  /** Offer "Remove model" (editing panels shown and more than one pane). */
  removable: boolean;
  /** Draw the pane's cell diagram. */
  showDiagram: boolean;
  /** Draw the pane's gate heatmaps below the diagram. */
  showHeatmaps: boolean;
}

/**
 * One column of compare mode: the region "Model A — LSTM" with the pane's colour (as in
 * the gradient plot), its parameter count, Remove model, where its weights come from
 * (trained on which task, or random), and its own diagram and heatmaps stacked. The time cursor, layer and unit are the scene's, shared by every pane.
 */
export function ComparePane({ paneId, removable, showDiagram, showHeatmaps }: ComparePaneProps) {
  const pane = usePane(paneId);
  const run = usePaneRun(paneId);
  const input = useScene((s) => s.input);
  const paneCount = useScene((s) => s.panes.length);
  if (!pane) return null;
  const remove = () => {
    useScene.getState().removePane(paneId);
    focusSoon(paneCount > 2 ? FOCUS_IDS.addModel : FOCUS_IDS.compare);
  };
  const actions = (
    <>
      <span className="param-badge">{parametersText(paneParameterCount(pane, input))}</span>
      {removable && (
        <button
          type="button"
          className="small"
          aria-label={`Remove model ${paneId}`}
          onClick={remove}
        >
          Remove model
        </button>
      )}
    </>
  );
  return (
    <Region
      id={`pane-${paneId}`}
      title={paneTitle(pane)}
      className="region-pane"
      pane={paneId}
      accent={PANE_COLORS[paneId]}
      actions={actions}
    >
      <p className="pane-weights" data-trained={run?.ok && run.trained ? '' : undefined}>
        {weightsText(pane, run)}
      </p>
      {showDiagram && (
        <PanelBoundary what={`cell diagram of model ${paneId}`}>
          <CellDiagram paneId={paneId} />
        </PanelBoundary>
      )}
      <ReadoutPanel paneId={paneId} />
      {showHeatmaps && (
        <LazyPanel what="heatmaps" minHeight={360}>
          <LazyGateHeatmaps paneId={paneId} />
        </LazyPanel>
      )}
    </Region>
  );
}
