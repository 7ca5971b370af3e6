import { useEffect, useRef, useState } from 'react';
import { shareLink } from '../io/links';
import { useScene, type SceneStore } from '../store';
import '../io/links.css';

/** Props of {@link ShareButtons}. */
export interface ShareButtonsProps {
  /** The scene to share; the app's store by default (tests pass their own). */
  store?: SceneStore;
}

/** How long "Copied …" stays, ms. */
const CONFIRMATION_MS = 4000;

/**
 * "Copy link" (the scene as it is) and "Copy view-only link" (the same, opening with the
 * editing panels hidden: for students; a lesson's own link is the author panel's "Copy
 * lesson link"). Copies with the Clipboard API; where that is refused, shows the
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
    const state = store.getState();
    // The weights' packer loads only for a scene that runs weights a link must carry.
    const carries = state.panes.some((p) => p.imported || p.trained.includes('-here-'));
    const { weights, said } = carries
      ? (await import('./linkedWeights')).linkedWeights(state)
      : { weights: '', said: '' };
    const url = shareLink(state, { lesson }) + weights;
    const what = `${lesson ? 'view-only link' : 'link'}${said}`;
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
        Copy view-only link
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
