/**
 * What the Keras and TF.js readers agree on before conversion: a file's layers as Keras
 * lists them (class, name, config, where their input comes from) with their weights in
 * Keras's own order and layout, whatever the container.
 */

/** One weight array, row-major, in the file's float32 or float64 (views of the file's bytes when possible). */
export interface Tensor {
  /** The name the file gives it (`gru/gru_cell/kernel:0`, `vars/0`, `lstm_2/kernel`). */
  readonly name: string;
  /** Dimensions, outermost first: a kernel is [in][G·H]. */
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array;
}

/** One Keras layer: its config (or what was inferred) and its weights in Keras order. */
export interface KerasLayer {
  /** `LSTM`, `GRU`, `SimpleRNN`, `Bidirectional`, `Embedding`, `Dense`, `Dropout`, … */
  readonly className: string;
  /** The layer's name in the model (`lstm_1`). */
  readonly name: string;
  /** The layer's Keras config (`units`, `activation`, …); {} when the file has none. */
  readonly config: Readonly<Record<string, unknown>>;
  /**
   * Names of the layers whose outputs this layer reads; null in a Sequential model (the
   * previous layer). Several names, or a layer called more than once, break a stack.
   */
  readonly inbound: readonly string[] | null;
  /** Kernel, recurrent kernel, bias (Bidirectional: forward's, then backward's). */
  readonly weights: readonly Tensor[];
}

/** A file's model as the readers found it. */
export interface KerasSource {
  /** The file's name, for messages. */
  readonly fileName: string;
  /** In words: "Keras 2.10.0 .h5", "Keras 3.3.3 .keras", "TensorFlow.js model.json". */
  readonly format: string;
  /** Major version of the Keras that wrote the file (2 or 3): decides the hard sigmoid. */
  readonly kerasMajor: 2 | 3;
  /** The version string the file records ('' when none). */
  readonly kerasVersion: string;
  /** False for a `save_weights()` file: the layers were inferred from names and shapes. */
  readonly hasConfig: boolean;
  readonly layers: readonly KerasLayer[];
}

/** Whether every number is finite (a plain loop: `every` on a typed array is 20× slower). */
export function allFinite(data: ArrayLike<number>): boolean {
  for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k])) return false;
  return true;
}
