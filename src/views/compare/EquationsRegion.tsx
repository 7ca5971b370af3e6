import { useScene } from '../../store';
import { LazyPanel } from '../LazyPanel';
import { LazyEquationsPanel } from '../lazyPanels';
import { Region } from '../Region';
import { paneTitle } from './labels';
import { PANE_COLORS } from '../gradients/paneColors';

/**
 * The Equations region: the live equations of every pane. In compare mode the panes'
 * equations stand side by side (wrapping under each other where the page is narrow),
 * each under its pane's name and colour, so the two cells' equations can be read against
 * each other at the same step; the notation is the scene's, shared by all.
 */
export function EquationsRegion() {
  const panes = useScene((s) => s.panes);
  const compare = panes.length > 1;
  return (
    <Region id="equations" title="Equations">
      <LazyPanel what="equations" minHeight={480}>
        <div className="equations-panes" data-count={panes.length}>
          {panes.map((pane) => (
            <section
              key={pane.id}
              className="equations-pane"
              aria-label={compare ? `Equations of ${paneTitle(pane)}` : undefined}
              style={compare ? { borderTopColor: PANE_COLORS[pane.id] } : undefined}
            >
              {compare && <h3 className="equations-pane-title">{paneTitle(pane)}</h3>}
              <LazyEquationsPanel paneId={pane.id} />
            </section>
          ))}
        </div>
      </LazyPanel>
    </Region>
  );
}
