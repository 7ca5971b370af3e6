import { useId } from 'react';
import { HELD_OUT_FRACTION, NUMBERS_TOLERANCE, wordList } from '../../engine';
import type { PastedTable } from '../../scene';
import { useScene } from '../../store';
import { NumberField } from '../controls/NumberField';

/** Props of {@link NumbersChoice}. */
export interface NumbersChoiceProps {
  /** The numbers pasted under Controls: column names and rows. */
  table: PastedTable;
  /** Why these settings cannot be trained on, in words, or null. */
  problem: string | null;
  /** Id the problem's paragraph takes, so that the Train button can point at it. */
  problemId: string;
}

/**
 * Training on the user's own numbers: which columns are the targets (a checkbox per column,
 * named by the header), how many first steps of each sequence go unscored, how the data is
 * split and scored, and why the choice cannot be trained on when it cannot (all columns
 * targets, too few rows for the steps per sequence, a constant column…). The pasted
 * numbers themselves are never changed here.
 */
export function NumbersChoice({ table, problem, problemId }: NumbersChoiceProps) {
  const id = useId();
  const settings = useScene((s) => s.trainSettings);
  const setTrainSettings = useScene((s) => s.setTrainSettings);
  const { columns, rows } = table;
  const targets = settings.targets.filter((k) => k < columns.length);
  const toggle = (c: number, on: boolean) => {
    const next = on ? [...targets, c].sort((a, b) => a - b) : targets.filter((k) => k !== c);
    setTrainSettings({ targets: next });
  };
  const inputs = columns.filter((_, c) => !targets.includes(c));
  const predicted = targets.map((c) => columns[c]!);
  const percent = Math.round(HELD_OUT_FRACTION * 100);
  return (
    <div className="train-numbers">
      <fieldset className="train-targets" aria-describedby={`${id}-about`}>
        <legend>Target columns (what the model predicts)</legend>
        {columns.map((name, c) => (
          <label key={c} className="train-target">
            <input
              type="checkbox"
              checked={targets.includes(c)}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      <NumberField
        label="Unscored first steps"
        value={settings.warmup}
        min={0}
        max={Math.max(0, settings.length - 1)}
        onCommit={(warmup) => setTrainSettings({ warmup })}
      />
      <p id={`${id}-about`} className="train-about">
        {rows.length} rows.{' '}
        {predicted.length > 0 && inputs.length > 0 && (
          <>
            The model reads {wordList(inputs)} and predicts {wordList(predicted)} at every step
            after the first {settings.warmup}.{' '}
          </>
        )}
        It trains on windows of the first rows and is scored on the last {percent}% (at least one
        sequence), which it never trains on; each column is standardised with the training rows’
        mean and standard deviation. An answer within {NUMBERS_TOLERANCE} standard deviations of the
        target counts as correct.
      </p>
      {problem && (
        <p id={problemId} className="train-message train-failed" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
