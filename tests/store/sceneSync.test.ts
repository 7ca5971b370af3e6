// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLinkNotice } from '../../src/io/notices';
import { LESSON_STOPS } from '../../src/lessons/navigate';
import {
  applySnapshot,
  DAMAGED_TAB_SCENE,
  LINK_NOTICE_TITLE,
  SAVED_NOTICE_TITLE,
  startSceneSync,
  STORAGE_KEY,
  TAB_STORAGE_KEY,
  WRITE_DELAY_MS,
  WRITE_MAX_WAIT_MS,
} from '../../src/store/sceneSync';
import { createSceneStore, type SceneStore } from '../../src/store';

let store: SceneStore;
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  store = createSceneStore();
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  useLinkNotice.getState().dismiss();
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const start = () => {
  stop = startSceneSync(store, useLinkNotice);
};
const hash = () => location.hash.replace(/^#/, '');

describe('startSceneSync', () => {
  it('applies the link in the address, and shows what it could not read', () => {
    history.replaceState(null, '', '/#v=1&A.cell=gru&A.hidden=abc&text=hi&t=2');
    start();
    const s = store.getState();
    expect(s.panes[0]).toMatchObject({ cell: 'gru', hiddenSize: 8 });
    expect(s.input.text).toBe('hi');
    expect(s.t).toBe(2);
    expect(useLinkNotice.getState()).toMatchObject({
      title: LINK_NOTICE_TITLE,
      problems: [
        "Could not read the hidden size 'abc' of model A (expected a whole number from 1 to 64); used 8.",
      ],
    });
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&A.cell=gru&text=hi&t=2');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('v=1&A.cell=gru&text=hi&t=2');
  });

  it('keeps a bare address for the default scene until something changes', () => {
    start();
    vi.advanceTimersByTime(1000);
    expect(location.hash).toBe('');
    store.getState().setInputText('my own text');
    expect(hash()).toBe('');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&text=my%20own%20text');
  });

  it('writes at most once per delay, with replaceState (no history entries)', () => {
    const replace = vi.spyOn(history, 'replaceState');
    const push = vi.spyOn(history, 'pushState');
    start();
    for (let k = 0; k < 5; k++) store.getState().stepBy(1);
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    expect(hash()).toBe('v=1&t=6');
    store.getState().setHovered({ pane: 'A', name: 'f' });
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('writes once stepping pauses, and at least every WRITE_MAX_WAIT_MS while it goes on', () => {
    store.getState().setInputKind('noise'); // 60 steps, more than the test takes
    start();
    const gap = WRITE_DELAY_MS / 2; // a held arrow key
    let steps = 0;
    // Steps closer together than the write delay: nothing is written in between.
    while ((steps + 1) * gap < WRITE_MAX_WAIT_MS) {
      store.getState().stepBy(1);
      steps++;
      vi.advanceTimersByTime(gap);
      expect(hash()).toBe('');
    }
    // Held past the longest wait: the step reached by then is written.
    store.getState().stepBy(1);
    steps++;
    vi.advanceTimersByTime(gap);
    expect(hash()).toBe(`v=1&in=noise&t=${steps + 1}`);
    // Released: the last step is written after the quiet time.
    store.getState().stepBy(1);
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe(`v=1&in=noise&t=${steps + 2}`);
  });

  it('does not write while playing; pausing writes the step reached', () => {
    start();
    store.getState().togglePlay();
    store.getState().stepBy(1);
    store.getState().stepBy(1);
    vi.advanceTimersByTime(WRITE_DELAY_MS * 2);
    expect(hash()).toBe('');
    store.getState().togglePlay();
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&t=3');
  });

  it('restores the last scene from localStorage when the address has no hash', () => {
    localStorage.setItem(STORAGE_KEY, 'v=1&text=saved%20text&t=4');
    start();
    expect(store.getState().input.text).toBe('saved text');
    expect(store.getState().t).toBe(4);
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&text=saved%20text&t=4');
  });

  it('a damaged saved scene restores what it can, with its own notice', () => {
    localStorage.setItem(STORAGE_KEY, 'v=1&text=saved&A.cell=??');
    start();
    expect(store.getState().input.text).toBe('saved');
    expect(useLinkNotice.getState().title).toBe(SAVED_NOTICE_TITLE);
  });

  it('a link wins over the saved scene', () => {
    localStorage.setItem(STORAGE_KEY, 'v=1&text=saved');
    history.replaceState(null, '', '/#v=1&text=linked');
    start();
    expect(store.getState().input.text).toBe('linked');
  });

  it('survives a localStorage that throws (private mode)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    start();
    store.getState().setInputText('still in the address');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&text=still%20in%20the%20address');
  });

  it('applies a link pasted into the same tab (hashchange), replacing the notice', () => {
    history.replaceState(null, '', '/#v=1&t=x');
    start();
    expect(useLinkNotice.getState().problems).toHaveLength(1);
    history.replaceState(null, '', '/#v=1&A.cell=rnn&text=pasted');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().panes[0]!.cell).toBe('rnn');
    expect(store.getState().input.text).toBe('pasted');
    expect(useLinkNotice.getState().title).toBeNull();
  });

  it('a change waiting to be written never overwrites a link that came in before its hashchange ran', () => {
    start();
    store.getState().setInputText('typed');
    // The link arrives; the write's timer fires before the browser's hashchange event.
    history.replaceState(null, '', '/#v=1&A.cell=gru&text=linked');
    vi.advanceTimersByTime(WRITE_MAX_WAIT_MS);
    expect(hash()).toBe('v=1&A.cell=gru&text=linked');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().panes[0]!.cell).toBe('gru');
    expect(store.getState().input.text).toBe('linked');
    vi.advanceTimersByTime(WRITE_MAX_WAIT_MS);
    expect(hash()).toBe('v=1&A.cell=gru&text=linked');
    // And a change after it is written as before.
    store.getState().setInputText('typed again');
    vi.advanceTimersByTime(WRITE_MAX_WAIT_MS);
    expect(hash()).toBe('v=1&A.cell=gru&text=typed%20again');
  });

  it('writes a pending change when the page is hidden or left, and when stopped', () => {
    start();
    store.getState().setInputText('typed just before reload');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(localStorage.getItem(STORAGE_KEY)).toBe('v=1&text=typed%20just%20before%20reload');
    store.getState().setInputText('typed before unmount');
    stop?.();
    stop = undefined;
    expect(hash()).toBe('v=1&text=typed%20before%20unmount');
    store.getState().setInputText('after stop');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&text=typed%20before%20unmount');
  });
});

describe('reload', () => {
  it('a reload right after a change gets that change, though its address is older', () => {
    start();
    store.getState().setInputText('abc');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    const before = location.href;
    store.getState().setInputText('abcd'); // not yet in the address
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    stop?.();
    history.replaceState(null, '', before); // the reload loads the address it started from
    store = createSceneStore();
    start();
    expect(store.getState().input.text).toBe('abcd');
    expect(sessionStorage.getItem(TAB_STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1&text=abcd');
  });

  it('a page opened afresh (not a reload) shows its address, not the tab’s saved record', () => {
    start();
    store.getState().setInputText('abc');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    const before = location.href;
    store.getState().setInputText('abcd');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    stop?.();
    history.replaceState(null, '', before);
    const navigation = [{ type: 'navigate' }] as unknown as PerformanceEntryList;
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((kind) =>
      kind === 'navigation' ? navigation : [],
    );
    store = createSceneStore();
    start();
    expect(store.getState().input.text).toBe('abc');
  });

  it('a reload that starts the new page before the old one’s pagehide still gets the change', () => {
    start();
    store.getState().setInputText('abc');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    const before = location.href;
    store.getState().setInputText('abcd'); // not yet in the address, and no pagehide
    vi.advanceTimersByTime(0); // the old page runs one more task, long before a new page loads
    const oldPage = stop;
    history.replaceState(null, '', before);
    const reloaded = createSceneStore();
    stop = startSceneSync(reloaded, useLinkNotice);
    expect(reloaded.getState().input.text).toBe('abcd');
    oldPage?.();
  });

  it('a reload loads the address it started from, though the old page wrote a newer one after', () => {
    history.replaceState(null, '', '/#v=1'); // a link, so localStorage plays no part
    start();
    const before = location.href; // the reload starts here …
    store.getState().setInputText('abcd');
    vi.advanceTimersByTime(WRITE_DELAY_MS); // … then the old page writes the new hash
    expect(hash()).toBe('v=1&text=abcd');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    stop?.();
    history.replaceState(null, '', before);
    store = createSceneStore();
    start();
    expect(store.getState().input.text).toBe('abcd');
  });

  it('a different address (a link opened in this tab) wins over the tab’s scene', () => {
    sessionStorage.setItem(
      TAB_STORAGE_KEY,
      JSON.stringify({ at: 'v=1&text=old', scene: 'v=1&text=tab' }),
    );
    history.replaceState(null, '', '/#v=1&text=link');
    start();
    expect(store.getState().input.text).toBe('link');
  });

  it('a tab record of another address is not used, and nothing is said', () => {
    sessionStorage.setItem(TAB_STORAGE_KEY, JSON.stringify({ at: ['v=1&t=2'], scene: 'v=1' }));
    history.replaceState(null, '', '/#v=1&text=link');
    start();
    expect(store.getState().input.text).toBe('link');
    expect(useLinkNotice.getState().title).toBeNull();
  });
});

describe('a damaged tab record is discarded, with a notice', () => {
  const DAMAGED: readonly (readonly [string, string])[] = [
    ['garbage', '{not json'],
    ['null', 'null'],
    ['a number', '123'],
    ['an array', '[]'],
    ['a string', '"v=1"'],
    ['a record without its scene', JSON.stringify({ at: [''] })],
    ['a record whose scene is not text', JSON.stringify({ at: [''], scene: 7 })],
    ['a record whose addresses are not text', JSON.stringify({ at: [1], scene: 'v=1' })],
    ['200 000 levels of nesting', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
    ['200 000 levels of objects', `${'{"at":'.repeat(200_000)}1${'}'.repeat(200_000)}`],
  ];
  for (const [what, record] of DAMAGED) {
    it(`${what}: the link opens, and the notice says the tab's scene was not restored`, () => {
      sessionStorage.setItem(TAB_STORAGE_KEY, record);
      history.replaceState(null, '', '/#v=1&text=link');
      start();
      expect(store.getState().input.text).toBe('link');
      expect(useLinkNotice.getState()).toMatchObject({
        title: SAVED_NOTICE_TITLE,
        problems: [DAMAGED_TAB_SCENE],
      });
      expect(sessionStorage.getItem(TAB_STORAGE_KEY)).toBeNull();
    });
  }

  it('without a link, the saved scene opens, under the same notice as its own problems', () => {
    sessionStorage.setItem(TAB_STORAGE_KEY, '123');
    localStorage.setItem(STORAGE_KEY, 'v=1&text=saved&A.hidden=99');
    start();
    expect(store.getState().input.text).toBe('saved');
    const { title, problems } = useLinkNotice.getState();
    expect(title).toBe(SAVED_NOTICE_TITLE);
    expect(problems[0]).toBe(DAMAGED_TAB_SCENE);
    expect(problems[1]).toMatch(/^Could not read the hidden size '99' of model A/);
  });

  it('with nothing else, the opening scene shows, and the notice too', () => {
    sessionStorage.setItem(TAB_STORAGE_KEY, '[]');
    stop = startSceneSync(store, useLinkNotice, { opening: 'v=1&text=opening' });
    expect(store.getState().input.text).toBe('opening');
    expect(useLinkNotice.getState().problems).toEqual([DAMAGED_TAB_SCENE]);
  });

  it('a link with problems of its own keeps the link’s heading, the tab’s sentence first', () => {
    sessionStorage.setItem(TAB_STORAGE_KEY, 'null');
    history.replaceState(null, '', '/#v=1&t=x');
    start();
    const { title, problems } = useLinkNotice.getState();
    expect(title).toBe(LINK_NOTICE_TITLE);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(DAMAGED_TAB_SCENE);
  });
});

describe('a saved scene naming a lesson that does not exist', () => {
  const withLessons = () => {
    stop = startSceneSync(store, useLinkNotice, { lessons: LESSON_STOPS });
  };

  it('from this tab’s record: restored without the lesson, saying so', () => {
    sessionStorage.setItem(
      TAB_STORAGE_KEY,
      JSON.stringify({ at: [''], scene: 'v=1&text=mine&lesson=no-such-lesson' }),
    );
    withLessons();
    expect(store.getState()).toMatchObject({ lesson: '', stop: 0 });
    expect(store.getState().input.text).toBe('mine');
    expect(useLinkNotice.getState()).toMatchObject({
      title: SAVED_NOTICE_TITLE,
      problems: [
        "Could not open the lesson 'no-such-lesson' (Gatescope has no such lesson); opened none.",
      ],
    });
  });

  it('from localStorage: the same', () => {
    localStorage.setItem(STORAGE_KEY, 'v=1&lesson=no-such-lesson&stop=2');
    withLessons();
    expect(store.getState()).toMatchObject({ lesson: '', stop: 0 });
    expect(useLinkNotice.getState().title).toBe(SAVED_NOTICE_TITLE);
    expect(useLinkNotice.getState().problems).toHaveLength(2);
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(hash()).toBe('v=1');
  });
});

describe('applySnapshot', () => {
  it('keeps the objects of unchanged panes and input, so nothing is recomputed', () => {
    const before = store.getState();
    const { panes, input, views, ...rest } = before;
    applySnapshot(store, {
      ...rest,
      panes: panes.map((p) => ({ ...p })),
      input: { ...input },
      views: { ...views },
      t: 3,
    });
    const after = store.getState();
    expect(after.panes).toBe(before.panes);
    expect(after.input).toBe(before.input);
    expect(after.views).toBe(before.views);
    expect(after.t).toBe(3);
  });

  it('stops playback and clears the hover', () => {
    store.setState({ playing: true, hovered: { pane: 'A', name: 'f' } });
    const { panes, input, views, t } = store.getState();
    applySnapshot(store, { ...store.getState(), panes, input, views, t });
    expect(store.getState()).toMatchObject({ playing: false, hovered: null });
  });
});
