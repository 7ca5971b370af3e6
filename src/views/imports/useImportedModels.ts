import { useSyncExternalStore } from 'react';
import { importedModels, onImportedModelsChanged, type ImportedEntry } from '../../store';

let snapshot: readonly ImportedEntry[] = importedModels();
const subscribe = (listener: () => void) =>
  onImportedModelsChanged(() => {
    snapshot = importedModels();
    listener();
  });

/** The models imported in this browser, oldest first; re-renders when the list changes. */
export function useImportedModels(): readonly ImportedEntry[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}
