/**
 * A pane's size, from one source: the model it runs. A trained pane's file decides its
 * sizes and input features (even where the input does not fit it); a pane of drawn weights
 * takes its settings and the input's feature count. The header, the controls, the compare
 * table and Match parameter count all read it, so they cannot disagree.
 */
import { GATE_BLOCKS, parameterCount, type CellType } from '../engine';
import type { InputSettings, PaneSettings } from '../scene';
import { sequenceOf } from './derived';
import { trainedModelStatus } from './trainedModels';
import { importedModelStatus } from './importedModels';

/** What a pane's parameter count and cost depend on. */
export interface PaneSize {
  readonly cell: CellType;
  /** Features per step the first layer reads. */
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  /** Two directions per layer (imported models). */
  readonly bidirectional?: boolean;
  /** LSTM projection size P, 0 for none (imported models). */
  readonly projSize?: number;
}

/** The size of the model pane `pane` runs on `input` (a trained file's while it is known). */
export function paneSizeOf(pane: PaneSettings, input: InputSettings): PaneSize {
  if (pane.imported) {
    const status = importedModelStatus(pane.imported);
    if (status.state === 'ready') {
      const { cell, inputSize, hiddenSize, numLayers, bidirectional, projSize } =
        status.entry.model.spec;
      return { cell, inputSize, hiddenSize, numLayers, bidirectional, projSize };
    }
  }
  if (pane.trained) {
    const status = trainedModelStatus(pane.trained);
    if (status.state === 'ready') {
      const { cell, inputSize, hiddenSize, numLayers } = status.loaded.model.spec;
      return { cell, inputSize, hiddenSize, numLayers };
    }
  }
  const { cell, hiddenSize, numLayers } = pane;
  return { cell, inputSize: sequenceOf(input).inputSize, hiddenSize, numLayers };
}

/** Scalar parameters of the pane's model (weights and both biases; no read-out head). */
export function paneParameterCount(pane: PaneSettings, input: InputSettings): number {
  return parameterCount(paneSizeOf(pane, input));
}

/**
 * Multiply-adds of one step's matrix–vector products, all layers: G·H·(in + H) per layer
 * (in = the input's features for layer 0, H above), G = 1, 4, 3 for RNN, LSTM, GRU. The
 * elementwise gate arithmetic (a few times G·H) is left out. Deterministic, unlike time.
 */
export function multiplyAddsPerStep(size: PaneSize): number {
  const G = GATE_BLOCKS[size.cell];
  const H = size.hiddenSize;
  const D = size.bidirectional ? 2 : 1;
  const out = size.projSize ? size.projSize : H;
  let total = 0;
  for (let l = 0; l < size.numLayers; l++) {
    const inSize = l === 0 ? size.inputSize : D * out;
    total += D * (G * H * (inSize + out) + (size.projSize ? H * out : 0));
  }
  return total;
}
