import { useState } from 'react';
import { useScene } from '../../store';
import { LIMITS, type PaneId } from '../../scene';
import { FOCUS_IDS } from '../controls/focusSoon';

/**
 * Add model (a third pane, an RNN by default) and Match parameter count (sets the other
 * panes' hidden sizes so their counts come closest to model A's), with a status line
 * saying what matching did, and which trained pane it put back on random weights.
 */
export function CompareToolbar() {
  const paneCount = useScene((s) => s.panes.length);
  const [status, setStatus] = useState('');
  const { addPane, matchParameterCount } = useScene.getState();
  const match = () => {
    const trainedBefore = new Set(
      useScene
        .getState()
        .panes.filter((p) => p.trained)
        .map((p) => p.id),
    );
    const sizes = matchParameterCount();
    const after = useScene.getState().panes;
    const first = after[0];
    const changed = Object.entries(sizes).map(([id, H]) => {
      const dropped = trainedBefore.has(id as PaneId) && !after.find((p) => p.id === id)?.trained;
      return `${id}: hidden size ${H}${dropped ? ' (random weights now: its trained file has one size only)' : ''}`;
    });
    setStatus(
      first && changed.length > 0
        ? `Matched to model ${first.id}'s parameter count: ${changed.join(', ')}.`
        : '',
    );
  };
  return (
    <div className="compare-toolbar" role="group" aria-label="Models compared">
      <button
        type="button"
        id={FOCUS_IDS.addModel}
        onClick={() => {
          addPane();
          setStatus('');
        }}
        disabled={paneCount >= LIMITS.panes.max}
      >
        Add model
      </button>
      <button type="button" onClick={match}>
        Match parameter count
      </button>
      <p className="compare-status" role="status">
        {status}
      </p>
    </div>
  );
}
