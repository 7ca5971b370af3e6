import { useId } from 'react';
import { sequenceOf, useScene } from '../../store';
import { sequenceLength, SPEEDS } from '../../scene';
import { PlaybackIcon } from './PlaybackIcon';
import { rangeKeysStayLocal } from '../rangeKeys';

/**
 * Play/Pause, Step back, Step forward, Restart, the Time step slider (1..T) and Speed.
 * Names are fixed: tests and screen readers rely on them.
 */
export function PlaybackControls() {
  const t = useScene((s) => s.t);
  const playing = useScene((s) => s.playing);
  const speed = useScene((s) => s.speed);
  const input = useScene((s) => s.input);
  const T = sequenceLength(input);
  const token = sequenceOf(input).tokens[t - 1] ?? '';
  const { stepBy, togglePlay, restart, setStep, setSpeed } = useScene.getState();
  const sliderId = useId();
  const speedId = useId();
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button type="button" onClick={restart} aria-label="Restart" title="Restart (Home)">
        <PlaybackIcon glyph="restart" />
      </button>
      <button
        type="button"
        onClick={() => stepBy(-1)}
        aria-label="Step back"
        title="Step back (←)"
        disabled={t <= 1}
      >
        <PlaybackIcon glyph="back" />
      </button>
      <button
        type="button"
        className="play"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        <PlaybackIcon glyph={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={() => stepBy(1)}
        aria-label="Step forward"
        title="Step forward (→)"
        disabled={t >= T}
      >
        <PlaybackIcon glyph="forward" />
      </button>
      <div className="time-step">
        <label htmlFor={sliderId}>Time step</label>
        <input
          id={sliderId}
          type="range"
          ref={rangeKeysStayLocal}
          min={1}
          max={T}
          step={1}
          value={t}
          aria-valuemin={1}
          aria-valuemax={T}
          aria-valuenow={t}
          aria-valuetext={`step ${t} of ${T}${token ? `, input ${token}` : ''}`}
          onChange={(e) => setStep(Number(e.currentTarget.value))}
        />
        <output htmlFor={sliderId}>
          t = {t} / {T}
        </output>
      </div>
      <div className="speed">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={speed}
          onChange={(e) => setSpeed(Number(e.currentTarget.value))}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
