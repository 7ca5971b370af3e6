import { useId, useState } from 'react';
import { LIMITS, useScene, type InputKind } from '../../store';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const INPUT_KINDS: readonly (readonly [InputKind, string])[] = [
  ['text', 'Text'],
  ['sine', 'Sine wave'],
  ['square', 'Square wave'],
  ['step', 'Step'],
  ['impulse', 'Impulse'],
  ['noise', 'Noise'],
];

/** The input sequence: its kind, the text, or the length of a numeric signal. */
export function InputControls() {
  const input = useScene((s) => s.input);
  const { setInputKind, setInputText, setSequenceLength } = useScene.getState();
  return (
    <fieldset className="input-controls">
      <legend>Input sequence</legend>
      <SelectField label="Input" value={input.kind} options={INPUT_KINDS} onChange={setInputKind} />
      {input.kind === 'text' ? (
        <TextField value={input.text} onCommit={setInputText} />
      ) : (
        <NumberField
          label="Sequence length"
          value={input.length}
          {...LIMITS.sequenceLength}
          onCommit={setSequenceLength}
        />
      )}
    </fieldset>
  );
}

/** The Input text box: each character is one time step. */
function TextField({
  value,
  onCommit,
}: {
  value: string;
  onCommit: (text: string) => string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>Input text</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={draft ?? value}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-message` : ''}`}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          setMessage(onCommit(text));
        }}
        onBlur={() => setDraft(null)}
      />
      <p id={`${id}-hint`} className="field-hint">
        One step per character, one-hot over the text&apos;s own letters.
      </p>
      {message && (
        <p id={`${id}-message`} className="field-message" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
