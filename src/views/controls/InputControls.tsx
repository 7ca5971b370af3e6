import { useId, useState } from 'react';
import { makeTask, TASK_NAMES, type TaskName } from '../../engine';
import { useScene } from '../../store';
import { LIMITS, taskLengthRange, type InputKind } from '../../scene';
import { NumberField } from './NumberField';
import { LazyPanel } from '../LazyPanel';
import { LazyNumbersField } from '../lazyPanels';
import { clearNumbersProblem, useNumbersProblem } from './numbersFile';
import { SelectField } from './SelectField';

const INPUT_KINDS: readonly (readonly [InputKind, string])[] = [
  ['text', 'Text'],
  ['sine', 'Sine wave'],
  ['square', 'Square wave'],
  ['step', 'Step'],
  ['impulse', 'Impulse'],
  ['noise', 'Noise'],
  ['task', 'Task sample'],
  ['numbers', 'Your numbers'],
];

/** Each training task by its title, for the Task select. */
const TASKS: readonly (readonly [TaskName, string])[] = TASK_NAMES.map((name) => [
  name,
  makeTask(name).title,
]);

/**
 * The input sequence: its kind, the text, the user's numbers, or the length of a numeric
 * signal; for a task sample (what the trained models were trained on), the task and which
 * sample. A data file dropped while another kind is shown and refused says why here.
 */
export function InputControls() {
  const input = useScene((s) => s.input);
  const fileProblem = useNumbersProblem((s) => (s.problem?.file ? s.problem.message : null));
  const { setInputKind, setInputText, setSequenceLength, setInputTask, setInputSeed } =
    useScene.getState();
  const isTask = input.kind === 'task';
  const chooseKind = (kind: InputKind) => {
    clearNumbersProblem();
    setInputKind(kind);
  };
  return (
    <fieldset className="input-controls">
      <legend>Input sequence</legend>
      <SelectField label="Input" value={input.kind} options={INPUT_KINDS} onChange={chooseKind} />
      {fileProblem && input.kind !== 'numbers' && (
        <p className="field-message" role="alert">
          {fileProblem}
        </p>
      )}
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
      ) : input.kind === 'numbers' ? (
        <LazyPanel what="the numbers field" minHeight={260}>
          <LazyNumbersField />
        </LazyPanel>
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
