/**
 * How much of the screen's top is covered by what sticks there over the scene (a phone's
 * playback bar, a presented lesson's notes strip), in CSS px: the page's parts before the
 * scene (`scene`, the <main>) that are position: sticky, each as far down as its `top`
 * plus its height. 0 when nothing sticks.
 */
export function stuckCover(scene: Element | null): number {
  let cover = 0;
  for (const part of scene?.parentElement?.children ?? []) {
    if (part === scene) break;
    const style = getComputedStyle(part);
    if (style.position !== 'sticky') continue;
    const top = parseFloat(style.top) || 0;
    cover = Math.max(cover, top + part.getBoundingClientRect().height);
  }
  return cover;
}
