import { useSyncExternalStore } from 'react';
import {
  onTrainedHereListed,
  trainedHereEntries,
  type TrainedHereEntry,
} from '../../store/trainedHereList';

/** The models trained here that this browser keeps, kept current. */
export function useTrainedHere(): readonly TrainedHereEntry[] {
  return useSyncExternalStore(onTrainedHereListed, trainedHereEntries, trainedHereEntries);
}
