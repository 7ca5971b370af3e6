import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useScene } from '../../store';
import type { GateNaming, PaneSettings } from '../../scene';
import { quantityLabels } from '../diagram/labels';

/** One choice of the picker: the placeholder and what it shows, in words. */
interface Choice {
  readonly value: string;
  readonly label: string;
}

/** What every pane can quote beyond its cell's quantities. */
const RUN_CHOICES: readonly [string, string][] = [
  ['x', 'input token at the step'],
  ['readout', 'what the read-out answers'],
  ['accuracy', 'held-out accuracy (trained model)'],
  ['chance', 'accuracy of chance (trained model)'],
  ['grad', '‖∂h_T/∂h_1‖'],
  ['params', 'parameter count'],
];

/** The placeholders the scene's panes can fill, in the names the diagram uses. */
function choicesOf(panes: readonly PaneSettings[], naming: GateNaming): Choice[] {
  const out: Choice[] = [
    { value: '{t}', label: '{t}: the step' },
    { value: '{T}', label: '{T}: the number of steps' },
    { value: '{unit}', label: '{unit}: the unit' },
  ];
  for (const pane of panes) {
    const labels = quantityLabels(pane.cell, {
      naming,
      convention: pane.convention,
      nonlinearity: pane.nonlinearity,
    }).filter((l) => l.name !== 'x');
    for (const l of labels)
      out.push({ value: `{${pane.id}.${l.name}}`, label: `{${pane.id}.${l.name}}: ${l.title}` });
    for (const [name, words] of RUN_CHOICES)
      out.push({ value: `{${pane.id}.${name}}`, label: `{${pane.id}.${name}}: ${words}` });
  }
  return out;
}

/** Props of {@link PlaceholderPicker}. */
export interface PlaceholderPickerProps {
  /** Inserts the chosen placeholder where the caption's cursor last was. */
  onInsert: (placeholder: string) => void;
}

/**
 * A select of the live numbers a caption can quote (the scene's panes, in the diagram's
 * words) and Insert: placeholders are chosen, not remembered.
 */
export function PlaceholderPicker({ onInsert }: PlaceholderPickerProps) {
  const id = useId();
  const { panes, naming } = useScene(useShallow((s) => ({ panes: s.panes, naming: s.naming })));
  const choices = choicesOf(panes, naming);
  const [value, setValue] = useState(choices[0]?.value ?? '{t}');
  const chosen = choices.some((c) => c.value === value) ? value : (choices[0]?.value ?? '{t}');
  return (
    <div className="inline-field placeholder-picker">
      <label htmlFor={id}>Live number</label>
      <select id={id} value={chosen} onChange={(e) => setValue(e.currentTarget.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onInsert(chosen)}>
        Insert
      </button>
    </div>
  );
}
