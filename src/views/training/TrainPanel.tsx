import './training.css';
import { useId, useMemo } from 'react';
import { makeTask, TASK_NAMES, type ModelTaskName } from '../../engine';
import { download } from '../../io/export/download';
import { pastedTable, type PastedTable } from '../../scene';
import { trainedModelStatus, useScene } from '../../store';
import {
  controlTraining,
  panelTask,
  resetTraining,
  startTraining,
} from '../../store/training/client';
import type { TrainSettings } from '../../store/training/protocol';
import { STEPS_PER_EPOCH } from '../../store/trainedHere';
import { lengthRange, TRAIN_LIMITS } from '../../store/trainingSlice';
import { NumberField } from '../controls/NumberField';
import { SelectField } from '../controls/SelectField';
import { GateOverTraining } from './GateOverTraining';
import { LossChart } from './LossChart';
import { NumbersChoice } from './NumbersChoice';
import { TrainingScrubber } from './TrainingScrubber';

const TASKS: readonly (readonly [ModelTaskName, string])[] = TASK_NAMES.map((name) => [
  name,
  makeTask(name).title,
]);

/** The option of the user's own numbers in the Task select. */
const YOUR_NUMBERS = ['numbers', 'Your numbers (pasted under Controls)'] as const;

/** The steps per sequence `task` allows: for the user's numbers, up to half the rows. */
function lengthsOf(task: ModelTaskName, table: PastedTable | null): { min: number; max: number } {
  const { min, max } = lengthRange(task);
  if (task !== 'numbers' || !table) return { min, max };
  return { min, max: Math.max(min, Math.min(max, Math.floor(table.rows.length / 2))) };
}

/** The settings of choosing `task`: T brought into its range; for numbers, the last column as target unless some are chosen. */
function choosing(
  task: ModelTaskName,
  settings: TrainSettings,
  table: PastedTable | null,
): Partial<TrainSettings> {
  const { min, max } = lengthsOf(task, table);
  const length = Math.min(max, Math.max(min, settings.length));
  if (task !== 'numbers' || !table) return { task, length };
  const C = table.columns.length;
  const kept = settings.targets.filter((k) => k < C);
  return { task, length, targets: kept.length > 0 ? kept : [C - 1] };
}

/** Downloads the model file a pane trained here shows now. */
function saveModel(id: string): void {
  const status = trainedModelStatus(id);
  if (status.state !== 'ready') return;
  download(JSON.stringify(status.loaded.file), `${id}.json`, 'application/json');
}

const STARTS: readonly (readonly ['recipe' | 'drawn', string])[] = [
  ['recipe', 'Drawn weights, keep-gate bias 1'],
  ['drawn', 'Drawn weights as they are'],
];

/**
 * Train the scene's models here: the task and Adam's settings, Train / Pause / Step /
 * Reset, the step and epoch counters with steps per second, the loss curves (every pane
 * on the same batches: a race in compare mode), the training-time scrubber and one gate
 * across training time. Training runs in the app's worker; the panes show the latest
 * weights a few times a second.
 */
export function TrainPanel() {
  const settings = useScene((s) => s.trainSettings);
  const training = useScene((s) => s.training);
  const setTrainSettings = useScene((s) => s.setTrainSettings);
  const paneCount = useScene((s) => s.panes.length);
  const numbersText = useScene((s) => s.input.numbers);
  const pasted = useScene((s) => s.input.kind === 'numbers');
  const problemId = useId();
  const ours = settings.task === 'numbers';
  // The numbers field always holds some (an example at first): offered while they are the input.
  const table = useMemo(
    () => (pasted || ours ? pastedTable(numbersText) : null),
    [pasted, ours, numbersText],
  );
  const chosen = useMemo(
    () => (ours ? panelTask(settings, numbersText) : null),
    [ours, settings, numbersText],
  );
  const problem = chosen && 'problem' in chosen ? chosen.problem : null;
  const { state } = training;
  const active = state === 'running' || state === 'paused';
  const set = (key: keyof typeof settings) => (value: number) => setTrainSettings({ [key]: value });
  const { min: minLength, max: maxLength } = lengthsOf(settings.task, table);
  const tasks = table ? [...TASKS, YOUR_NUMBERS] : TASKS;
  return (
    <div className="train-panel">
      <p className="train-intro">
        Trains {paneCount === 1 ? 'the model' : `all ${paneCount} models on the same batches`} (cell
        and size as set under Controls) with Adam, in the background; the scene follows the weights
        as they learn.
      </p>
      <fieldset className="train-settings" disabled={active}>
        <legend>Training settings</legend>
        <SelectField
          label="Start from"
          value={settings.start}
          options={STARTS}
          onChange={(start) => setTrainSettings({ start })}
        />
        <SelectField
          label="Task"
          value={settings.task}
          options={tasks}
          onChange={(task) => setTrainSettings(choosing(task, settings, table))}
        />
        <NumberField
          label="Steps per sequence"
          value={settings.length}
          min={minLength}
          max={maxLength}
          onCommit={set('length')}
        />
        <NumberField
          label="Learning rate"
          value={settings.learningRate}
          {...TRAIN_LIMITS.learningRate}
          step={0.001}
          onCommit={set('learningRate')}
        />
        <NumberField
          label="Batch size"
          value={settings.batchSize}
          {...TRAIN_LIMITS.batchSize}
          onCommit={set('batchSize')}
        />
        <NumberField
          label="Gradient clipping"
          value={settings.clipNorm}
          {...TRAIN_LIMITS.clipNorm}
          step={0.1}
          onCommit={set('clipNorm')}
        />
        <NumberField
          label="Training seed"
          value={settings.seed}
          {...TRAIN_LIMITS.seed}
          onCommit={set('seed')}
        />
        <NumberField
          label="Target accuracy (%)"
          value={Math.round(settings.targetAccuracy * 1000) / 10}
          min={50}
          max={100}
          step={1}
          onCommit={(percent) => setTrainSettings({ targetAccuracy: percent / 100 })}
        />
        <NumberField
          label="Step budget"
          value={settings.maxSteps}
          {...TRAIN_LIMITS.maxSteps}
          onCommit={set('maxSteps')}
        />
        {ours && table ? (
          <NumbersChoice table={table} problem={problem} problemId={problemId} />
        ) : (
          !table && (
            <p className="train-about">
              To train on your own numbers, choose Input: “Your numbers” under Controls and paste
              them with a header row; they then appear here as a task.
            </p>
          )
        )}
      </fieldset>
      <div className="train-buttons" role="group" aria-label="Training">
        {state === 'running' ? (
          <button type="button" onClick={() => controlTraining('pause')}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="train-primary"
            disabled={problem !== null && state !== 'paused'}
            aria-describedby={problem ? problemId : undefined}
            onClick={() =>
              state === 'paused' ? controlTraining('resume') : startTraining(useScene)
            }
          >
            {state === 'paused' ? 'Resume' : 'Train'}
          </button>
        )}
        <button
          type="button"
          disabled={state !== 'paused'}
          onClick={() => controlTraining('step')}
          title="One Adam step on the next batch (while paused)"
        >
          Step
        </button>
        <button type="button" disabled={state === 'idle'} onClick={() => resetTraining(useScene)}>
          Reset
        </button>
      </div>
      <p className="train-counters" role="status" aria-live="polite">
        {state === 'idle' ? (
          'Not trained yet.'
        ) : (
          <>
            <span>
              Step <strong>{training.step}</strong>
            </span>{' '}
            ·{' '}
            <span>
              epoch <strong>{Math.floor(training.step / STEPS_PER_EPOCH)}</strong> (
              {STEPS_PER_EPOCH} steps each)
            </span>
            {state === 'running' && training.stepsPerSecond > 0 && (
              <> · {Math.round(training.stepsPerSecond)} steps/s</>
            )}
            {state === 'paused' && <> · paused</>}
          </>
        )}
      </p>
      {training.message && (
        <p className={`train-message${state === 'failed' ? ' train-failed' : ''}`} role="alert">
          {training.message}
        </p>
      )}
      {state !== 'idle' && state !== 'running' && (
        <div className="train-buttons" role="group" aria-label="Save">
          {Object.entries(training.curves).map(([pane, curve]) => (
            <button
              key={pane}
              type="button"
              onClick={() => saveModel(curve!.modelId)}
              title="A Gatescope model file: Load model file opens it again, here or anywhere"
            >
              Save model {paneCount > 1 ? `${pane} ` : ''}file
            </button>
          ))}
        </div>
      )}
      {state !== 'idle' && (
        <>
          <LossChart curves={training.curves} target={settings.targetAccuracy} />
          <TrainingScrubber />
          <GateOverTraining />
        </>
      )}
    </div>
  );
}
