/**
 * What the model importer reads and returns (issue #14). Every reader turns one framework's
 * file into the engine's PyTorch layout exactly, or refuses it with a reason that names the
 * file; nothing is guessed silently.
 */
import type { ModelSpec, StateDict } from '../../engine';

/** One file handed to the importer: its name as the user's system gave it, and its bytes. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * One recurrent stack found in a file, converted to the engine's PyTorch layout: run it
 * with `createModel(spec, params)`.
 */
export interface ImportedModel {
  /** The module's prefix (PyTorch: `lstm`), or the layer names (Keras: `lstm, lstm_1`). */
  name: string;
  /** Cell, sizes and options, incl. bidirectional, projSize, recurrentActivation when used. */
  spec: ModelSpec;
  /** PyTorch names: `weight_ih_l0` [G·H][I] … (and `…_reverse`, `weight_hr_l{k}`). */
  params: StateDict;
  /** [V][E] rows of an embedding that feeds the stack (E = spec.inputSize). */
  embedding?: number[][];
  /** A linear read-out on the stack's outputs: weight [O][H_out] (PyTorch layout), bias [O]. */
  head?: { weight: number[][]; bias: number[] };
  /** The input vocabulary the file records (a checkpoint's `chars`, a tokenizer's list). */
  vocabulary?: string[];
  /**
   * Keras `go_backwards=True`: the layer reads its input last step first, and its outputs
   * are in processing order. Feed it the reversed sequence.
   */
  goBackwards?: boolean;
  /**
   * Spec fields the file does not record and the importer assumed (for example
   * `'nonlinearity'` for a PyTorch RNN state dict): the page shows them as choices.
   */
  assumed: (keyof ModelSpec)[];
  /** The format in words: "PyTorch state dict (zip, torch ≥ 1.6)", "Keras 3 .keras", … */
  format: string;
  /**
   * What was converted, in words, for the Weights panel ("Keras GRU, reset_after=True: …;
   * gate order z, r, h mapped to r, z, n; recurrent activation hard_sigmoid").
   */
  notes: string[];
}

/** A reader of one format: the primary file, and every file dropped with it (shards). */
export type FormatReader = (
  file: ImportFile,
  siblings: readonly ImportFile[],
) => Promise<ImportedModel[]>;

/** An import refused: the message names the file, what was expected and what was found. */
export class ImportError extends Error {
  override name = 'ImportError';
}
