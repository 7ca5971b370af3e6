import type { StateCreator } from 'zustand';
import { SCENE_DEFAULTS, sequenceLength, SPEEDS } from '../scene';
import type { SceneState } from './scene';

/** The one time cursor shared by every pane, and playback. */
export interface PlaybackSlice {
  /** Current step, 1..T: step t reads x_t and h_{t−1} and writes h_t. */
  t: number;
  playing: boolean;
  /** Multiplier of the playback rate and animation speed. */
  speed: number;
  /** Jumps to step t, clamped into 1..T. */
  setStep: (t: number) => void;
  /** Moves by `delta` steps, clamped; stepping past the end stops playback. */
  stepBy: (delta: number) => void;
  /** Play ↔ pause. Playing from the last step starts again at step 1. */
  togglePlay: () => void;
  /** Back to step 1; playback state unchanged. */
  restart: () => void;
  setSpeed: (speed: number) => void;
}

/** Creates the playback slice at step 1, paused. */
export const createPlaybackSlice: StateCreator<SceneState, [], [], PlaybackSlice> = (set) => {
  const clamp = (s: SceneState, t: number) =>
    Math.min(Math.max(1, Math.round(t)), sequenceLength(s.input));
  return {
    t: SCENE_DEFAULTS.t,
    playing: false,
    speed: SCENE_DEFAULTS.speed,
    setStep: (t) => set((s) => ({ t: clamp(s, t) })),
    stepBy: (delta) =>
      set((s) => {
        const t = clamp(s, s.t + delta);
        const atEnd = t === sequenceLength(s.input);
        return { t, playing: s.playing && !atEnd };
      }),
    togglePlay: () =>
      set((s) => {
        if (s.playing) return { playing: false };
        const atEnd = s.t >= sequenceLength(s.input);
        return { playing: true, t: atEnd ? 1 : s.t };
      }),
    restart: () => set({ t: 1 }),
    setSpeed: (speed) => set({ speed: SPEEDS.includes(speed as never) ? speed : 1 }),
  };
};
