import { useId } from 'react';
import type { PaneId } from '../../scene';
import { loadModelFiles, useImportStatus } from './importStatus';

/** Props of {@link ModelFileInput}. */
export interface ModelFileInputProps {
  /** The pane the loaded model runs in. */
  paneId: PaneId;
}

/** File types offered first in the picker (any file may still be chosen). */
const ACCEPT = '.pt,.pth,.ckpt,.bin,.safetensors,.keras,.h5,.hdf5,.onnx,.json';

/**
 * "Load model file": the user's own PyTorch, safetensors, Keras, ONNX or TF.js model
 * (several files at once for a model.json and its shards), read in this browser only, run
 * in this pane. Says what it is reading, what it found, or why nothing was loaded.
 */
export function ModelFileInput({ paneId }: ModelFileInputProps) {
  const id = useId();
  const status = useImportStatus((s) => s.byPane[paneId]);
  return (
    <div className="field field-stacked model-file">
      <label htmlFor={id} className="button-like">
        Load model file
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        aria-describedby={status && status.state !== 'idle' ? `${id}-status` : undefined}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void loadModelFiles(paneId, files);
        }}
      />
      {status && status.state !== 'idle' && (
        <p
          id={`${id}-status`}
          className="field-message"
          role={status.state === 'error' ? 'alert' : 'status'}
          data-state={status.state}
        >
          {status.message}
        </p>
      )}
    </div>
  );
}
