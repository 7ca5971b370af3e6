import { useState } from 'react';
import { useScene } from '../../store';
import type { PaneSettings } from '../../scene';
import { LazyPanel } from '../LazyPanel';
import { LazyEquationsPanel } from '../lazyPanels';
import { Region } from '../Region';
import { paneTitle } from './labels';
import { PANE_COLORS } from '../gradients/paneColors';
import { rendersOneByOne } from './stagger';
import { useOneByOne } from './useOneByOne';

/** Height an equations column keeps until its pane's equations render, CSS px. */
const EQUATIONS_PLACEHOLDER_PX = 480;

/**
 * The Equations region: the live equations of every pane. In compare mode the panes'
 * equations stand side by side (wrapping under each other where the page is narrow),
 * each under its pane's name and colour, so the two cells' equations can be read against
 * each other at the same step; the notation is the scene's, shared by all.
 */
export function EquationsRegion() {
  const panes = useScene((s) => s.panes);
  return (
    <Region id="equations" title="Equations">
      <LazyPanel what="equations" minHeight={EQUATIONS_PLACEHOLDER_PX}>
        <EquationsPanes panes={panes} />
      </LazyPanel>
    </Region>
  );
}

/**
 * The panes' equations, once their code is in. With large models (as the compare panes
 * themselves) each pane's equations render a task after the previous pane's have shown
 * their numbers: typeset together, three panes' equations made one long task of style
 * and layout (their traces, computed in the worker, tend to arrive together).
 */
function EquationsPanes({ panes }: { panes: readonly PaneSettings[] }) {
  const compare = panes.length > 1;
  // How many of the first panes' equations show their numbers (or why there are none).
  const [landed, setLanded] = useState(0);
  const rendered = useOneByOne(panes.length, useScene(rendersOneByOne), { landed });
  return (
    <div className="equations-panes" data-count={panes.length}>
      {panes.map((pane, k) => (
        <section
          key={pane.id}
          className="equations-pane"
          aria-label={compare ? `Equations of ${paneTitle(pane)}` : undefined}
          style={compare ? { borderTopColor: PANE_COLORS[pane.id] } : undefined}
        >
          {compare && <h3 className="equations-pane-title">{paneTitle(pane)}</h3>}
          {k < rendered ? (
            <LazyEquationsPanel
              paneId={pane.id}
              onLanded={() => setLanded((n) => Math.max(n, k + 1))}
            />
          ) : (
            <div
              className="panel-loading"
              role="status"
              aria-busy="true"
              style={{ minHeight: EQUATIONS_PLACEHOLDER_PX }}
            >
              Loading equations…
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
