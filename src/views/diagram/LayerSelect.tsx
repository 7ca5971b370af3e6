import { useId } from 'react';

/** Props of {@link LayerSelect}. */
export interface LayerSelectProps {
  /** Layer shown, 0-based. */
  layer: number;
  /** Each layer's name, ≥ 2 of them (the selector is hidden for one): see `layerNames`. */
  names: readonly string[];
  /** Called with the 0-based layer picked. */
  onChange: (layer: number) => void;
}

/** The "Layer" selector of a stacked or bidirectional model: "Layer 1" … "Layer L" (→ and ←). */
export function LayerSelect({ layer, names, onChange }: LayerSelectProps) {
  const id = useId();
  return (
    <div className="cd-layer">
      <label htmlFor={id}>Layer</label>
      <select id={id} value={layer} onChange={(event) => onChange(Number(event.target.value))}>
        {names.map((name, l) => (
          <option key={l} value={l}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
