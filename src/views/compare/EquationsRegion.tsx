import { useState } from 'react';
import { useScene } from '../../store';
import { type PaneId } from '../../scene';
import { SelectField } from '../controls/SelectField';
import { LazyPanel } from '../LazyPanel';
import { LazyEquationsPanel } from '../lazyPanels';
import { Region } from '../Region';
import { paneTitle } from './labels';

/**
 * The Equations region: the live equations of one pane. With several panes a select
 * ("Equations of") picks which; it shows the first pane until another is picked, and
 * falls back to the first when the picked pane is removed.
 */
export function EquationsRegion() {
  const panes = useScene((s) => s.panes);
  const [picked, setPicked] = useState<PaneId>('A');
  const shown = panes.find((p) => p.id === picked) ?? panes[0];
  if (!shown) return null;
  const options = panes.map((p) => [p.id, paneTitle(p)] as const);
  return (
    <Region id="equations" title="Equations">
      {panes.length > 1 && (
        <div className="equations-picker">
          <SelectField
            label="Equations of"
            value={shown.id}
            options={options}
            onChange={setPicked}
          />
        </div>
      )}
      <LazyPanel what="equations" minHeight={480}>
        <LazyEquationsPanel key={shown.id} paneId={shown.id} />
      </LazyPanel>
    </Region>
  );
}
