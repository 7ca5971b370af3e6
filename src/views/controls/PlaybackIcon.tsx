/** The playback glyphs, drawn as SVG so that no font needs to have them. */
export type PlaybackGlyph = 'restart' | 'back' | 'play' | 'pause' | 'forward';

const PATHS: Record<PlaybackGlyph, string> = {
  restart: 'M3 3h2v10H3zM13 3v10L6 8z',
  back: 'M12 3v10L5 8zM4 3h1.6v10H4z',
  play: 'M4 2.5v11L13 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5zM10.4 3H12v10h-1.6z',
};

/** Props of {@link PlaybackIcon}. */
export interface PlaybackIconProps {
  glyph: PlaybackGlyph;
}

/** A 16×16 playback icon in the current text colour; hidden from screen readers. */
export function PlaybackIcon({ glyph }: PlaybackIconProps) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[glyph]} fill="currentColor" />
    </svg>
  );
}
