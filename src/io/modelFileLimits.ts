/**
 * The checks a model file passes before any model is built from it: the same size limits
 * as the controls and links (src/scene/limits.ts), so that a model that loads can also be
 * linked to and reopened; and no reserved key anywhere (a "__proto__" key would otherwise
 * be dropped without a word, or reach an object's prototype).
 */
import { LIMITS } from '../scene/limits';
import { describeValue, ModelFileError, type Json } from './jsonChecks';

export { refuseReservedKeys } from './jsonChecks';

/**
 * Throws a ModelFileError when the spec's hidden size or depth, or the task's sequence
 * length, is beyond what the page runs (the limit named); values of the wrong type are
 * left to the engine's own checks.
 */
export function checkLimits(spec: Json, task: Json, where: string): void {
  const within = (
    value: unknown,
    name: string,
    limit: { min: number; max: number },
    unit: string,
  ) => {
    if (typeof value === 'number' && Number.isFinite(value) && value > limit.max) {
      throw new ModelFileError(
        where,
        `${name} is ${describeValue(value)}, more than the ${limit.max} ${unit} Gatescope runs (the same limit as its controls and links).`,
      );
    }
  };
  within(spec.hiddenSize, 'spec.hiddenSize', LIMITS.hiddenSize, 'units per layer');
  within(spec.numLayers, 'spec.numLayers', LIMITS.numLayers, 'layers');
  within(task.length, 'task.length', LIMITS.sequenceLength, 'steps');
}
