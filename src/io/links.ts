import { encodeScene } from './sceneUrl';
import { snapshotOf, type SceneSnapshot } from './sceneSchema';

/** Options of {@link shareLink}. */
export interface ShareOptions {
  /**
   * A lesson link: opens with the editing panels hidden (editingHidden = true), so students
   * see the scene as the teacher set it; presentation mode is kept as it is.
   */
  lesson?: boolean;
  /** The page address before '#'; defaults to this page's origin and path. */
  base?: string;
}

/** This page's address without query or hash ('' outside a browser). */
function pageBase(): string {
  return typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}`;
}

/**
 * The full URL of a scene (page address + '#' + `encodeScene`), for the Copy link and
 * Copy view-only link buttons (`lesson`: with the editing panels hidden). Reads only the snapshot keys of `state` (the store state will do).
 */
export function shareLink(state: SceneSnapshot, options: ShareOptions = {}): string {
  const scene = options.lesson ? { ...snapshotOf(state), editingHidden: true } : state;
  return `${options.base ?? pageBase()}#${encodeScene(scene)}`;
}
