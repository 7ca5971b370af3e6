import { useId, useState } from 'react';
import { makeTask, TASK_NAMES, type TaskName } from '../../engine';
import { useScene } from '../../store';
import { LIMITS, taskLengthRange, type InputKind } from '../../scene';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const INPUT_KINDS: readonly (readonly [InputKind, string])[] = [
  ['text', 'Text'],
  ['sine', 'Sine wave'],
  ['square', 'Square wave'],
  ['step', 'Step'],
  ['impulse', 'Impulse'],
  ['noise', 'Noise'],
  ['task', 'Task sample'],
];

/** Each training task by its title, for the Task select. */
const TASKS: readonly (readonly [TaskName, string])[] = TASK_NAMES.map((name) => [
  name,
  makeTask(name).title,
]);

/**
 * The input sequence: its kind, the text, or the length of a numeric signal; for a task
 * sample (what the trained models were trained on), the task and which sample.
 */
export function InputControls() {
  const input = useScene((s) => s.input);
  const { setInputKind, setInputText, setSequenceLength, setInputTask, setInputSeed } =
    useScene.getState();
  const isTask = input.kind === 'task';
  return (
    <fieldset className="input-controls">
      <legend>Input sequence</legend>
      <SelectField label="Input" value={input.kind} options={INPUT_KINDS} onChange={setInputKind} />
      {isTask && (
        <SelectField
          label="Task"
          value={input.task}
          options={TASKS}
          onChange={setInputTask}
          stacked
        />
      )}
      {input.kind === 'text' ? (
        <TextField value={input.text} onCommit={setInputText} />
      ) : (
        <NumberField
          label="Sequence length"
          value={input.length}
          {...(isTask ? taskLengthRange(input) : LIMITS.sequenceLength)}
          onCommit={setSequenceLength}
        />
      )}
      {(isTask || input.kind === 'noise') && (
        <NumberField
          label={isTask ? 'Sample' : 'Noise seed'}
          value={input.seed}
          {...LIMITS.seed}
          onCommit={setInputSeed}
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
