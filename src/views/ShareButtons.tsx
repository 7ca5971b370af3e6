import { useEffect, useRef, useState } from 'react';
import { shareLink } from '../io/links';
import { packModelFile, packWeights, trainedWeightsKey, weightsKey } from '../io/importLink';
import {
  importedModelStatus,
  trainedModelStatus,
  useScene,
  type SceneState,
  type SceneStore,
} from '../store';
import '../io/links.css';

/** Props of {@link ShareButtons}. */
export interface ShareButtonsProps {
  /** The scene to share; the app's store by default (tests pass their own). */
  store?: SceneStore;
}

/**
 * The weights of the scene's imported models and models trained here, for a link
 * (`&A.iw=…`, `&A.tw=…` each, where they fit), and what the confirmation says of them:
 * carried, or too large so the link only names the file.
 */
function linkedWeights(state: SceneState): { weights: string; said: string } {
  let weights = '';
  const carried: string[] = [];
  const named: string[] = [];
  for (const pane of state.panes) {
    if (pane.trained.includes('-here-')) {
      const status = trainedModelStatus(pane.trained);
      if (status.state !== 'ready') continue;
      const packed = packModelFile(status.loaded.file);
      if (packed) {
        weights += `&${trainedWeightsKey(pane.id)}=${packed}`;
        carried.push(pane.id);
      } else named.push(`${pane.id} (trained here)`);
      continue;
    }
    if (!pane.imported) continue;
    const status = importedModelStatus(pane.imported);
    if (status.state !== 'ready') continue;
    const { fileName, imported } = status.entry;
    const packed = packWeights({ fileName, imported });
    if (packed) {
      weights += `&${weightsKey(pane.id)}=${packed}`;
      carried.push(pane.id);
    } else named.push(`${pane.id} (${fileName})`);
  }
  const parts = [
    carried.length > 0 ? `, with the weights of model ${carried.join(' and ')} in it` : '',
    named.length > 0
      ? `; the weights of model ${named.join(' and ')} are too large for a link, so it only names the file: whoever opens it loads that file`
      : '',
  ];
  return { weights, said: parts.join('') };
}

/** How long "Copied …" stays, ms. */
const CONFIRMATION_MS = 4000;

/**
 * "Copy link" (the scene as it is) and "Copy lesson link" (the same, opening with the
 * editing panels hidden). Copies with the Clipboard API; where that is refused, shows the
 * link in a read-only field, selected, to copy by hand. A role="status" line confirms.
 */
export function ShareButtons({ store = useScene }: ShareButtonsProps) {
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(clearTimer.current), []);
  useEffect(() => {
    if (manual === null) return;
    field.current?.focus();
    field.current?.select();
  }, [manual]);

  const copy = async (lesson: boolean) => {
    const { weights, said } = linkedWeights(store.getState());
    const url = shareLink(store.getState(), { lesson }) + weights;
    const what = `${lesson ? 'lesson link' : 'link'}${said}`;
    clearTimeout(clearTimer.current);
    try {
      await navigator.clipboard.writeText(url);
      setManual(null);
      setStatus(`Copied the ${what}.`);
      clearTimer.current = setTimeout(() => setStatus(''), CONFIRMATION_MS);
    } catch {
      // No clipboard access (permission, insecure page, old browser): copy by hand.
      setManual(url);
      setStatus(`Press Ctrl+C (⌘C on a Mac) to copy the ${what}, selected below.`);
    }
  };

  return (
    <div className="share" role="group" aria-label="Share">
      <button type="button" onClick={() => void copy(false)}>
        Copy link
      </button>
      <button
        type="button"
        onClick={() => void copy(true)}
        title="A link that opens this scene with the editing panels hidden"
      >
        Copy lesson link
      </button>
      {manual !== null && (
        <input
          ref={field}
          type="text"
          readOnly
          aria-label="Link to copy"
          value={manual}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <p className="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
