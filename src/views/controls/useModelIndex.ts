import { useEffect, useState } from 'react';
import type { ModelIndexEntry } from '../../io/modelFile';
import { loadModelIndex } from '../../store';

/** The shipped trained models once their index has arrived: entries, or an error message. */
export type ModelIndexState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly entries: readonly ModelIndexEntry[] }
  | { readonly state: 'error'; readonly message: string };

/** Fetches the list of shipped trained models (once per session) for a picker. */
export function useModelIndex(): ModelIndexState {
  const [state, setState] = useState<ModelIndexState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    loadModelIndex().then(
      (entries) => live && setState({ state: 'ready', entries }),
      (error: unknown) =>
        live &&
        setState({
          state: 'error',
          message: `The list of trained models could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
