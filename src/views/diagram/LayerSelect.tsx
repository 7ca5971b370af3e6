import { useId } from 'react';

/** Props of {@link LayerSelect}. */
export interface LayerSelectProps {
  /** Layer shown, 0-based. */
  layer: number;
  /** Layers of the model, ≥ 2 (the selector is hidden for one). */
  numLayers: number;
  /** Called with the 0-based layer picked. */
  onChange: (layer: number) => void;
}

/** The "Layer" selector of a stacked model: options "Layer 1" … "Layer L". */
export function LayerSelect({ layer, numLayers, onChange }: LayerSelectProps) {
  const id = useId();
  return (
    <div className="cd-layer">
      <label htmlFor={id}>Layer</label>
      <select id={id} value={layer} onChange={(event) => onChange(Number(event.target.value))}>
        {Array.from({ length: numLayers }, (_, l) => (
          <option key={l} value={l}>
            Layer {l + 1}
          </option>
        ))}
      </select>
    </div>
  );
}
