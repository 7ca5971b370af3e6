/**
 * The scene's plain vocabulary, read by the store, the URL codecs (src/io) and the views
 * alike: types and their key lists, limits, defaults, and the input sequence. Imports only
 * the engine (a lint rule keeps it so).
 */
export * from './types';
export {
  LIMITS,
  SELECTION_LIMITS,
  SPEEDS,
  UI_MAX_LAYERS,
  checkRange,
  type LimitName,
  type Range,
} from './limits';
export {
  DEFAULT_INPUT,
  DEFAULT_VIEWS,
  PANE_DEFAULTS,
  SCENE_DEFAULTS,
  defaultPane,
} from './defaults';
export {
  buildSequence,
  clampTaskLength,
  sequenceLength,
  taskLengthRange,
  tokenLabel,
  rowLabel,
  WAVE_PERIOD,
  type Sequence,
} from './sequence';
export {
  DEFAULT_NUMBER_LIMITS,
  parseNumbers,
  pastedTable,
  type NumberLimits,
  type ParsedNumbers,
  type PastedTable,
} from './numbers';
export { DataInputError } from './dataErrors';
export {
  clampableNames,
  describeIntervention,
  interventionsProblem,
  MAX_INTERVENTIONS,
  valueText,
} from './interventions';
