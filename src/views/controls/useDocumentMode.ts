import { useEffect } from 'react';
import { useScene } from '../../store';

/**
 * Mirrors the scene's theme and presentation mode onto `<html>`, where the style sheets
 * read them: `data-theme="light" | "dark"` (absent: follow the system) and
 * `data-presentation` (present while presenting). Side effect on `document` only.
 */
export function useDocumentMode(): void {
  const theme = useScene((s) => s.theme);
  const presentation = useScene((s) => s.presentation);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const root = document.documentElement;
    if (presentation) root.dataset.presentation = '';
    else delete root.dataset.presentation;
  }, [presentation]);
}
