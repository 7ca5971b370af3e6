import { useFullscreen } from './useFullscreen';

/** "Full screen" / "Exit full screen" for the whole page; absent where unsupported. */
export function FullscreenButton() {
  const { supported, active, toggle } = useFullscreen();
  if (!supported) return null;
  return (
    <button type="button" onClick={toggle}>
      {active ? 'Exit full screen' : 'Full screen'}
    </button>
  );
}
