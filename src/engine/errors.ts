/**
 * The one error the engine throws at its callers: an argument it refuses (a size above
 * one of the limits in ./spec, a value that is not a finite number, a shape that does not
 * fit) or a computation its arguments make overflow float64. The message names the
 * function, the field and what is allowed, e.g. "ModelSpec.hiddenSize: expected an integer
 * from 1 to 1024 (MAX_HIDDEN_SIZE), got 10000." Anything else the engine throws is a bug.
 */
export class EngineInputError extends Error {
  /** The error's name as `String(error)` prints it: 'EngineInputError'. */
  override readonly name = 'EngineInputError';
}
