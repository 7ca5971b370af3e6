import { useState } from 'react';
import { useScene } from '../../store';
import { LIMITS } from '../../scene';
import { FOCUS_IDS } from '../controls/focusSoon';

/**
 * Add model (a third pane, an RNN by default) and Match parameter count (sets the other
 * panes' hidden sizes so their counts come closest to model A's), with a status line
 * saying what matching did.
 */
export function CompareToolbar() {
  const paneCount = useScene((s) => s.panes.length);
  const [status, setStatus] = useState('');
  const { addPane, matchParameterCount } = useScene.getState();
  const match = () => {
    const sizes = matchParameterCount();
    const first = useScene.getState().panes[0];
    const changed = Object.entries(sizes).map(([id, H]) => `${id}: hidden size ${H}`);
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
