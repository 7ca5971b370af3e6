import { usePane } from '../../hooks/usePaneRun';
import { describeIntervention, type PaneId } from '../../scene';
import { originalRunOf, paneRunOf, useScene } from '../../store';
import { InterventionForm } from './InterventionForm';
import { WhatChanged } from './WhatChanged';
import './interventions.css';

/**
 * "What if?": every pane's interventions — a form to add one, the list in plain words
 * (each removable, Clear all), and the changed run against the original. Lazy-loaded.
 */
export function InterventionsPanel() {
  const ids = useScene((s) => s.panes.map((p) => p.id).join('')) as string;
  return (
    <div className="iv-panel">
      <p className="iv-intro">
        Force a gate, set the memory or silence a unit, and see what the model does without it:
        watching shows correlation, changing shows cause.
      </p>
      {([...ids] as PaneId[]).map((id) => (
        <PaneInterventions key={id} paneId={id} />
      ))}
    </div>
  );
}

/** One pane's part of the panel. */
function PaneInterventions({ paneId }: { paneId: PaneId }) {
  const pane = usePane(paneId);
  const input = useScene((s) => s.input);
  const layer = useScene((s) => s.layer);
  const draft = useScene((s) =>
    s.interventionDraft?.pane === paneId ? s.interventionDraft : null,
  );
  if (!pane) return null;
  const original = originalRunOf(pane, input);
  const changed = paneRunOf(pane, input);
  const { interventions } = pane;
  const clear = () => useScene.getState().clearInterventions(paneId);
  return (
    <section className="iv-pane" aria-label={`Interventions on model ${paneId}`} data-pane={paneId}>
      <h3 className="iv-pane-title">
        Model {paneId} — {pane.cell.toUpperCase()}
      </h3>
      {original.ok ? (
        <InterventionForm
          key={draft?.nonce ?? 0}
          pane={pane}
          model={original.model}
          T={original.sequence.xs.length}
          draft={draft}
        />
      ) : (
        <p className="iv-note">{original.error}</p>
      )}
      {interventions.length === 0 ? (
        <p className="iv-note">No interventions: the model runs as trained.</p>
      ) : (
        <>
          <ul className="iv-list" aria-label={`Interventions on model ${paneId}`}>
            {interventions.map((iv, n) => {
              const text = describeIntervention(iv, original.ok ? original.model.spec : undefined);
              return (
                <li key={`${n}-${text}`}>
                  <span>{text}</span>
                  <button
                    type="button"
                    aria-label={`Remove “${text}”`}
                    onClick={() => useScene.getState().removeIntervention(paneId, n)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="iv-clear" onClick={clear}>
            Clear all
          </button>
        </>
      )}
      {interventions.length > 0 && original.ok && changed.ok && (
        <WhatChanged
          paneId={paneId}
          original={original.trace}
          changed={changed.trace}
          originalReadout={original.readout}
          changedReadout={changed.readout}
          layer={layer}
          tokens={changed.sequence.tokens}
        />
      )}
      {interventions.length > 0 && !changed.ok && !changed.loading && (
        <p className="field-error" role="alert">
          {changed.error}
        </p>
      )}
    </section>
  );
}
