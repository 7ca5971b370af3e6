import { useMemo } from 'react';
import { usePane, usePaneRun } from '../../hooks/usePaneRun';
import { importedModelStatus, paneSizeOf, trainedModelStatus, useScene } from '../../store';
import { parameterCount } from '../../engine';
import { LIMITS, type InitScheme, type PaneId, type PaneSettings } from '../../scene';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TrainedModelNote } from './TrainedModelNote';
import { TrainedModelSelect } from './TrainedModelSelect';
import { WeightScaleSlider } from './WeightScaleSlider';
import { formatCount } from '../../format/count';
import { LazyPanel } from '../LazyPanel';
import { LazyImportedModelNote } from '../lazyPanels';
import { ModelFileInput } from '../imports/ModelFileInput';

const CELLS = [
  ['rnn', 'RNN'],
  ['lstm', 'LSTM'],
  ['gru', 'GRU'],
] as const;
const INITS: readonly (readonly [InitScheme, string])[] = [
  ['pytorch', 'PyTorch default'],
  ['xavier', 'Xavier'],
  ['orthogonal', 'Orthogonal'],
];
const NONLINEARITIES = [
  ['tanh', 'tanh'],
  ['relu', 'relu'],
] as const;
const CONVENTIONS = [
  ['pytorch', 'PyTorch'],
  ['classic', 'Classic (Cho 2014)'],
] as const;

/** A change of a pane's model settings, as the store's `updatePane` takes it. */
type ModelPatch = Partial<Omit<PaneSettings, 'id'>>;

/**
 * How a trained pane's file started training (its seed, init, weight scale and forget-gate
 * bias), which the fields show instead of the drawn-weights settings; null for a pane
 * without a loaded trained model.
 */
function recipeOf(pane: PaneSettings) {
  const status = pane.trained ? trainedModelStatus(pane.trained) : null;
  const recipe = status?.state === 'ready' ? status.loaded.file.training : null;
  const fromRecipe = recipe && {
    seed: recipe.seed,
    init: recipe.init.scheme,
    weightScale: recipe.init.weightScale,
    forgetBias: recipe.init.forgetBias,
  };
  return { recipe, fromRecipe };
}

/**
 * Applies `patch` to pane `paneId`'s model, as the pane is when called. A change here leaves
 * trained weights for drawn ones, drawn from the recipe shown, so that only what was changed
 * differs: a 2 % nudge of the scale must not also reset the seed, the init and the
 * forget-gate bias to the drawn-weights defaults. Returns the store's refusal, if any.
 */
function editModel(paneId: PaneId, patch: ModelPatch): string | null {
  const { panes, updatePane } = useScene.getState();
  const pane = panes.find((p) => p.id === paneId);
  const fromRecipe = pane ? recipeOf(pane).fromRecipe : null;
  return updatePane(paneId, fromRecipe ? { ...fromRecipe, ...patch } : patch);
}

/**
 * One function per setting of pane `paneId`, each applying a new value ({@link editModel}).
 * Made once per pane: the fields, memoized, then skip the renders a new weight scale
 * causes (React rewrites every re-rendered input's name and type).
 */
function editorsOf(paneId: PaneId) {
  const on =
    <K extends keyof ModelPatch>(key: K) =>
    (value: NonNullable<ModelPatch[K]>) =>
      editModel(paneId, { [key]: value });
  return {
    cell: on('cell'),
    hiddenSize: on('hiddenSize'),
    numLayers: on('numLayers'),
    seed: on('seed'),
    init: on('init'),
    weightScale: on('weightScale'),
    forgetBias: on('forgetBias'),
    nonlinearity: on('nonlinearity'),
    convention: on('convention'),
  };
}

/** Props of {@link ModelSettings}. */
export interface ModelSettingsProps {
  /** Which pane these settings edit. */
  paneId: PaneId;
}

/** One pane's model: cell, sizes, initialisation and the cell's own options. */
export function ModelSettings({ paneId }: ModelSettingsProps) {
  const pane = usePane(paneId);
  const run = usePaneRun(paneId);
  const input = useScene((s) => s.input);
  const edit = useMemo(() => editorsOf(paneId), [paneId]);
  if (!pane) return null;
  const size = paneSizeOf(pane, input);
  const { inputSize } = size;
  const count = parameterCount(size);
  // A trained pane shows how its file's training started, not the drawn-weights settings.
  const { recipe, fromRecipe } = recipeOf(pane);
  const shown = fromRecipe ?? pane;
  const countLine = (
    <p className="param-count">
      {formatCount(count)} parameters ({inputSize} input feature
      {inputSize === 1 ? '' : 's'})
    </p>
  );
  if (pane.imported) {
    // The file decides the model: only what it does not record can be chosen here.
    const status = importedModelStatus(pane.imported);
    const entry = status.state === 'ready' ? status.entry : null;
    return (
      <fieldset className="model-settings">
        <legend>Model {paneId}</legend>
        <TrainedModelSelect paneId={paneId} />
        <ModelFileInput paneId={paneId} />
        {entry && (
          <LazyPanel what="the model's notes" minHeight={120}>
            <LazyImportedModelNote paneId={paneId} entry={entry} />
          </LazyPanel>
        )}
        {!run?.ok && <TrainedModelNote run={run} />}
        {pane.cell === 'rnn' && entry?.imported.assumed.includes('nonlinearity') && (
          <SelectField
            label="Nonlinearity"
            value={pane.nonlinearity}
            options={NONLINEARITIES}
            onChange={edit.nonlinearity}
          />
        )}
        {countLine}
      </fieldset>
    );
  }
  return (
    <fieldset className="model-settings">
      <legend>Model {paneId}</legend>
      <TrainedModelSelect paneId={paneId} />
      <ModelFileInput paneId={paneId} />
      {pane.trained && <TrainedModelNote run={run} />}
      <SelectField label="Cell type" value={pane.cell} options={CELLS} onChange={edit.cell} />
      <NumberField
        label="Hidden size"
        value={pane.hiddenSize}
        {...LIMITS.hiddenSize}
        onCommit={edit.hiddenSize}
      />
      <NumberField
        label="Layers"
        value={pane.numLayers}
        {...LIMITS.numLayers}
        onCommit={edit.numLayers}
      />
      {recipe && (
        <p className="field-hint recipe-note">
          Seed, Init, Weight scale{pane.cell === 'lstm' ? ' and Forget-gate bias' : ''} below are
          the file&apos;s training recipe: how its weights started before training
          {recipe.init.updateBias ? ` (and an update-gate bias of ${recipe.init.updateBias})` : ''}.
        </p>
      )}
      <NumberField label="Seed" value={shown.seed} {...LIMITS.seed} onCommit={edit.seed} />
      <SelectField label="Init" value={shown.init} options={INITS} onChange={edit.init} />
      <NumberField
        label="Weight scale"
        value={shown.weightScale}
        {...LIMITS.weightScale}
        step={0.1}
        onCommit={edit.weightScale}
      />
      <WeightScaleSlider value={shown.weightScale} onInput={edit.weightScale} />
      {pane.cell === 'lstm' && (
        <NumberField
          label="Forget-gate bias"
          value={shown.forgetBias}
          {...LIMITS.forgetBias}
          step={0.5}
          onCommit={edit.forgetBias}
        />
      )}
      {pane.cell === 'rnn' && (
        <SelectField
          label="Nonlinearity"
          value={pane.nonlinearity}
          options={NONLINEARITIES}
          onChange={edit.nonlinearity}
        />
      )}
      {pane.cell === 'gru' && (
        <SelectField
          label="GRU convention"
          value={pane.convention}
          options={CONVENTIONS}
          onChange={edit.convention}
        />
      )}
      {countLine}
    </fieldset>
  );
}
