import { useId } from 'react';
import { useScene } from '../../store';
import type { ThemeChoice } from '../../scene';

const THEMES: readonly (readonly [ThemeChoice, string])[] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** The Theme select: follow the system (the default), or force light or dark. */
export function ThemeSelect() {
  const id = useId();
  const theme = useScene((s) => s.theme);
  const setTheme = useScene((s) => s.setTheme);
  return (
    <div className="inline-field">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => setTheme(e.currentTarget.value as ThemeChoice)}
      >
        {THEMES.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
