import './training.css';
import { makeTask, TASK_NAMES, TASK_PARAMS, type TaskName } from '../../engine';
import { download } from '../../io/export/download';
import { trainedModelStatus, useScene } from '../../store';
import { controlTraining, resetTraining, startTraining } from '../../store/training/client';
import { STEPS_PER_EPOCH } from '../../store/trainedHere';
import { TRAIN_LIMITS } from '../../store/trainingSlice';
import { NumberField } from '../controls/NumberField';
import { SelectField } from '../controls/SelectField';
import { GateOverTraining } from './GateOverTraining';
import { LossChart } from './LossChart';
import { TrainingScrubber } from './TrainingScrubber';

const TASKS: readonly (readonly [TaskName, string])[] = TASK_NAMES.map((name) => [
  name,
  makeTask(name).title,
]);

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
  const { state } = training;
  const active = state === 'running' || state === 'paused';
  const set = (key: keyof typeof settings) => (value: number) => setTrainSettings({ [key]: value });
  const { min: minLength, max: maxLength } = TASK_PARAMS[settings.task].length;
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
          options={TASKS}
          onChange={(task) =>
            setTrainSettings({
              task,
              length: Math.min(
                TASK_PARAMS[task].length.max,
                Math.max(TASK_PARAMS[task].length.min, settings.length),
              ),
            })
          }
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
