import { useEffect, type RefObject } from 'react';
import { stuckCover } from './stuckCover';

/** The CSS variable holding how far down the page the scene starts, in px. */
export const SCENE_TOP_VAR = '--scene-top';

/** The CSS variable holding how much of the screen's top stays covered (stuckCover), in px. */
const STUCK_VAR = '--stuck-top';

/**
 * While `on`, keeps `--scene-top` on <html> equal to the distance from the top of the page
 * to the scene (`scene`'s top): everything above it (header, playback, lesson notes) may
 * wrap or grow, and presentation mode sizes the diagrams to the height left below it
 * (src/styles/presentation.css), so diagram and caption fit the screen without scrolling.
 * `--stuck-top` says how much of the screen the notes strip covers where it sticks to the
 * top, so that a view scrolled up under it is sized to the rest of the screen.
 */
export function useSceneTop(scene: RefObject<HTMLElement | null>, on: boolean): void {
  useEffect(() => {
    const main = scene.current;
    const root = document.documentElement;
    if (!on || !main || typeof ResizeObserver !== 'function') return;
    const update = () => {
      const top = main.getBoundingClientRect().top + window.scrollY;
      root.style.setProperty(SCENE_TOP_VAR, `${Math.round(top)}px`);
      root.style.setProperty(STUCK_VAR, `${Math.round(stuckCover(main))}px`);
    };
    const observer = new ResizeObserver(update);
    // The page as a whole too: a panel above that is replaced (a lazy one loading) resizes it.
    if (main.parentElement) observer.observe(main.parentElement);
    for (const above of main.parentElement?.children ?? []) {
      if (above === main) break;
      observer.observe(above);
    }
    window.addEventListener('resize', update);
    update();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
      root.style.removeProperty(SCENE_TOP_VAR);
      root.style.removeProperty(STUCK_VAR);
    };
  }, [scene, on]);
}
