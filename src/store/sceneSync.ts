/**
 * Keeps the scene and the page address in step, without React (`main.tsx` starts it before
 * the first render): reads a link on load, falls back to the last scene saved in
 * localStorage, then writes every change to the hash (history.replaceState: no history
 * entry per step) and to localStorage, debounced; applies a link pasted into the same tab.
 */
import type { LinkNoticeStore } from '../io/notices';
import { decodeScene, encodeScene, type LessonStops } from '../io/sceneUrl';
import { splitWeights } from '../io/importLink';
import { settleImportedSelection } from './importedSelection';
import { SNAPSHOT_KEYS, type SceneSnapshot } from '../scene';
import type { SceneState, SceneStore } from './scene';

/** localStorage key of the last scene, as a hash string (the same schema as links). */
export const STORAGE_KEY = 'gatescope:scene:v1';

/**
 * sessionStorage key of this tab's scene at unload, with the address a reload will load:
 * a reload within WRITE_DELAY_MS of a change may load the address from before it.
 */
export const TAB_STORAGE_KEY = 'gatescope:scene:v1:tab';

/** Addresses a tab's scene record keeps: a reload brings back one of the page's last ones. */
const HELD_ADDRESSES = 8;

/**
 * Quiet time after the last change before it is written to the address and localStorage,
 * ms: stepping with a held key writes once it stops, not between steps.
 */
export const WRITE_DELAY_MS = 150;

/** Longest a change waits for quiet before it is written anyway (during playback), ms. */
export const WRITE_MAX_WAIT_MS = 1000;

/** Heading of the notice about a link whose settings could not all be read. */
export const LINK_NOTICE_TITLE = 'Some settings of this link could not be read';

/** Heading of the notice about a saved scene that could not all be read. */
export const SAVED_NOTICE_TITLE = 'Some settings of your last scene could not be restored';

/** The sentence for a tab's scene record that is not one (see `takeTabScene`). */
export const DAMAGED_TAB_SCENE =
  'The scene this tab saved when it was last left was damaged, so it was not restored.';

/** What `startSceneSync` needs besides the store and the notice. */
export interface SceneSyncOptions {
  /** The window whose address and storage are kept in step; `window` by default. */
  win?: Window;
  /** The scene (link text) shown when there is neither a link nor a saved scene. */
  opening?: string;
  /**
   * The lessons a link may open (see `decodeScene`), or a function giving them at the time
   * a link is read (the authored lesson comes and goes); the app passes all of its lessons.
   */
  lessons?: LessonStops | (() => LessonStops);
  /** Link keys kept beside the scene (outside its schema); none by default. */
  carry?: LinkCarry;
  /**
   * False: never write localStorage or sessionStorage, nor read a saved scene (an embedded
   * scene must not change what the full app restores). True by default.
   */
  persist?: boolean;
}

/**
 * Keys of the address that are not part of the scene's schema but travel with it (an
 * embedded page's `embed=1`, an authored lesson's `L=`): taken out of a link before it is
 * decoded, and written after the scene every time the address is.
 */
export interface LinkCarry {
  /** The hash without the carried keys, which `take` keeps for itself. */
  take(hash: string): string;
  /** What to write after the scene's hash: '' or `&key=value…`. */
  suffix(state: SceneState): string;
  /** Calls `changed` whenever `suffix` may have changed; returns the function that stops it. */
  watch?(changed: () => void): () => void;
}

/** How this page was reached ('navigate', 'reload', 'back_forward' …), or null when unknown. */
function navigationType(win: Window): string | null {
  try {
    const [entry] = win.performance.getEntriesByType('navigation');
    return (entry as PerformanceNavigationTiming | undefined)?.type ?? null;
  } catch {
    return null;
  }
}

/** True when two plain objects have the same keys with identical (===) values. */
function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * Sets the store to a decoded scene, stopping playback and clearing the hover. Parts equal
 * to the current ones keep their objects, so the derived runs (memoized per pane and input
 * object) are not recomputed for settings that did not change.
 */
export function applySnapshot(store: SceneStore, scene: SceneSnapshot): void {
  const now = store.getState();
  const panes = scene.panes.map((pane) => {
    const old = now.panes.find((p) => p.id === pane.id);
    return old && shallowEqual(old, pane) ? old : pane;
  });
  const samePanes = panes.length === now.panes.length && panes.every((p, k) => p === now.panes[k]);
  store.setState({
    ...scene,
    panes: samePanes ? now.panes : panes,
    input: shallowEqual(now.input, scene.input) ? now.input : scene.input,
    views: shallowEqual(now.views, scene.views) ? now.views : scene.views,
    playing: false,
    hovered: null,
  });
}

/** True when a store change touched what a link holds. */
function snapshotChanged(s: SceneState, prev: SceneState): boolean {
  return SNAPSHOT_KEYS.some((key) => s[key] !== prev[key]);
}

/**
 * Starts syncing `store` with `win`'s address and localStorage; returns the function that
 * stops it (and writes any change still pending). On start: a hash in the address is
 * decoded and applied, and what could not be read is shown through `notices`; without a
 * hash, the last saved scene is restored; without either the `opening` scene (link text,
 * e.g. the first lesson's first stop) is applied, or else the default scene stays, and the
 * address stays bare until the first change. A reload gets this tab's scene as it was at
 * unload, even when its last change had not reached the address yet; a damaged record of
 * it is discarded with a notice. Changes are not written while playing (the step changes
 * several times a second); pausing, hiding or leaving the page writes them.
 */
export function startSceneSync(
  store: SceneStore,
  notices: LinkNoticeStore,
  { win = window, opening, lessons, carry, persist = true }: SceneSyncOptions = {},
): () => void {
  const lessonsNow = () => (typeof lessons === 'function' ? lessons() : lessons);
  /** The scene as the address and storage hold it: its hash, then the carried keys. */
  const encode = () => encodeScene(store.getState()) + (carry?.suffix(store.getState()) ?? '');
  /** The hash (without '#') the address holds for the current scene. */
  let urlHash = '';
  /** The hash last saved in localStorage. */
  let savedHash: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unwritten change happened (Date.now), or undefined when none waits. */
  let pendingSince: number | undefined;

  const addressHash = () => win.location.hash.replace(/^#/, '');
  /**
   * The address as this page last read or wrote it. Another address means a link came in
   * (pasted, or a link followed in this tab) whose `hashchange` has not run yet.
   */
  let addressSeen = '';
  /** The last addresses this page has had (a reload may load any of them). */
  const addresses: string[] = [];
  const held = (address: string) => {
    if (addresses.includes(address)) return;
    addresses.push(address);
    if (addresses.length > HELD_ADDRESSES) addresses.shift();
  };
  const readSaved = (): string | null => {
    if (!persist) return null;
    try {
      return win.localStorage.getItem(STORAGE_KEY);
    } catch {
      return null; // storage blocked (private mode, policy): links still work
    }
  };
  /** True after `takeTabScene` found a record that is not one, and discarded it. */
  let tabSceneDamaged = false;
  /**
   * This tab's last scene, when a reload brought back an address the page had: a reload
   * loads the address it started from, and the old page may still write its hash after.
   * A record that is not `{ at, scene }` (broken JSON, another shape, nesting too deep to
   * parse) is removed and noted in `tabSceneDamaged`; one of another address is not used.
   */
  const takeTabScene = (address: string): string | null => {
    // Only a reload (or back/forward) can bring back an address this tab had. A page opened
    // afresh, as a shared link is, skips the read: a tab's first use of its storage waits for
    // the browser to hand it over, which delayed the link's first picture.
    if (!persist || navigationType(win) === 'navigate') return null;
    let text: string | null;
    try {
      text = win.sessionStorage.getItem(TAB_STORAGE_KEY);
      win.sessionStorage.removeItem(TAB_STORAGE_KEY);
    } catch {
      return null; // no sessionStorage: nothing was saved
    }
    if (text === null) return null;
    const record = readTabRecord(text);
    if (record === null) {
      tabSceneDamaged = true;
      return null;
    }
    return record.at.includes(address) ? record.scene : null;
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    pendingSince = undefined;
    // Writing now would replace the incoming link before its hashchange applies it: the
    // scene it brings is written once applied.
    if (addressHash() !== addressSeen) return;
    const hash = encode();
    if (hash !== urlHash) {
      try {
        win.history.replaceState(win.history.state, '', `#${hash}`);
        urlHash = hash;
        addressSeen = hash;
        held(hash);
      } catch {
        // A browser refusing (too many calls, too long a URL) keeps the old address.
      }
    }
    if (persist && hash !== savedHash) {
      try {
        win.localStorage.setItem(STORAGE_KEY, hash);
        savedHash = hash;
      } catch {
        // Storage full or blocked: the address still holds the scene.
      }
    }
  };
  const schedule = () => {
    const now = Date.now();
    pendingSince ??= now;
    clearTimeout(timer);
    const wait = Math.min(WRITE_DELAY_MS, pendingSince + WRITE_MAX_WAIT_MS - now);
    timer = setTimeout(flush, Math.max(0, wait));
  };
  /**
   * Applies a hash; shows its problems under `title`, after `earlier` ones about the saved
   * scene (or, when there are none and `replaceNotice`, clears an old notice).
   */
  const apply = (raw: string, title: string, replaceNotice: boolean, earlier: string[] = []) => {
    const { hash, weights, trained } = splitWeights(carry ? carry.take(raw) : raw);
    const { scene, problems } = decodeScene(hash, lessonsNow());
    applySnapshot(store, scene);
    const all = [...earlier, ...problems];
    if (all.length > 0)
      notices.getState().show(problems.length > 0 ? title : SAVED_NOTICE_TITLE, all);
    else if (replaceNotice) notices.getState().dismiss();
    const settleLater = () => {
      stopSettling();
      stopSettling = settleImportedSelection(store, scene, (sentences) => {
        const shown = notices.getState();
        notices.getState().show(shown.title ?? title, [...shown.problems, ...sentences]);
      });
    };
    if (weights.size + trained.size > 0) {
      // The weights' readers load only for a link that carries weights.
      void import('./linkWeights')
        .then(({ adoptWeights, adoptTrainedHere }) =>
          Promise.all([adoptWeights(weights, scene), adoptTrainedHere(trained, scene)]),
        )
        .then(([refused, refusedTrained]) => {
          const more = [...refused, ...refusedTrained];
          if (more.length > 0) notices.getState().show(LINK_NOTICE_TITLE, [...all, ...more]);
          settleLater();
        });
    } else settleLater();
  };

  /** Stops waiting for the imported models of the last applied scene (see settleImportedSelection). */
  let stopSettling = () => undefined as void;
  const initial = addressHash();
  addressSeen = initial;
  held(initial);
  const reloaded = takeTabScene(initial);
  const saved = initial === '' ? readSaved() : null;
  const damaged = tabSceneDamaged ? [DAMAGED_TAB_SCENE] : [];
  if (reloaded !== null) {
    apply(reloaded, SAVED_NOTICE_TITLE, false);
    schedule(); // the address catches up with the scene
  } else if (initial !== '') {
    apply(initial, LINK_NOTICE_TITLE, false, damaged);
    urlHash = initial;
    schedule(); // writes the link in canonical form, and saves it
  } else if (saved) {
    apply(saved, SAVED_NOTICE_TITLE, false, damaged);
    schedule(); // puts the restored scene in the address
  } else {
    if (opening !== undefined) applySnapshot(store, decodeScene(opening, lessonsNow()).scene);
    urlHash = encode();
    if (damaged.length > 0) notices.getState().show(SAVED_NOTICE_TITLE, damaged);
  }

  const onHashChange = () => {
    const hash = addressHash();
    addressSeen = hash;
    if (hash === urlHash) return;
    apply(hash, LINK_NOTICE_TITLE, true);
    held(hash);
    urlHash = hash === '' ? encode() : hash;
    schedule();
  };
  const onHide = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  /**
   * Keeps this tab's scene with the addresses a reload may load. Written one task after
   * every change, not only on pagehide: a reload right after a change can start the new
   * page before the old one's pagehide handler has run. (One task later, not inside the
   * change: a step's keypress should not wait for storage; changes in one task write once.)
   */
  let tabTimer: ReturnType<typeof setTimeout> | undefined;
  const rememberTabScene = (at: string) => {
    clearTimeout(tabTimer);
    tabTimer = undefined;
    held(at);
    if (!persist) return;
    try {
      const record = { at: addresses, scene: encode() };
      win.sessionStorage.setItem(TAB_STORAGE_KEY, JSON.stringify(record));
    } catch {
      // No sessionStorage: a reload right after a change may miss that change.
    }
  };
  const rememberSoon = () => {
    held(addressHash());
    tabTimer ??= setTimeout(() => rememberTabScene(addressHash()), 0);
  };
  const onPageHide = () => {
    const at = addressHash(); // before the flush: what a reload may load
    flush();
    rememberTabScene(at);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing) return;
    if (prev.playing || snapshotChanged(s, prev)) {
      rememberSoon();
      schedule();
    }
  });
  const unwatch = carry?.watch?.(schedule) ?? (() => undefined);
  win.addEventListener('hashchange', onHashChange);
  win.addEventListener('pagehide', onPageHide);
  win.document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    unwatch();
    stopSettling();
    win.removeEventListener('hashchange', onHashChange);
    win.removeEventListener('pagehide', onPageHide);
    win.document.removeEventListener('visibilitychange', onHide);
    if (timer !== undefined) flush();
    if (tabTimer !== undefined) rememberTabScene(addressHash());
  };
}

/** A tab's scene record: the addresses a reload may load, and the scene as a hash. */
interface TabRecord {
  at: string[];
  scene: string;
}

/** The record `rememberTabScene` wrote, or null when `text` is not one. Never throws. */
function readTabRecord(text: string): TabRecord | null {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return null; // not JSON, or nested deeper than the parser goes
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const { at, scene } = record as { at?: unknown; scene?: unknown };
  const addresses = Array.isArray(at) ? (at as unknown[]) : [at];
  if (typeof scene !== 'string' || !addresses.every((a) => typeof a === 'string')) return null;
  return { at: addresses as string[], scene };
}
