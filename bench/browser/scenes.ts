import type { Browser, Page } from '@playwright/test';
import type { FigureSpec, Figures } from './figures';
import { measureStepping, sliderRate, stepWork } from './measure';
import {
  type BenchState,
  benchState,
  calibrateInPage,
  closePage,
  openScene,
  tracesComputed,
  waitForHook,
  waitSeen,
} from './page';

/** The scenes, as shared links (a fresh context: no saved scene interferes). */
export const SCENES = {
  oneT200: 'v=1&A.hidden=32&in=noise&len=200',
  oneT500: 'v=1&A.hidden=32&in=noise&len=500',
  threeT200:
    'v=1&panes=ABC&A.hidden=32&B.cell=gru&B.hidden=32&C.cell=rnn&C.hidden=32&in=noise&len=200',
  /** The largest scene the controls accept: three LSTM panes, H=64, 3 layers, T=2000. */
  largest:
    'v=1&panes=ABC&A.hidden=64&A.layers=3&B.cell=lstm&B.hidden=64&B.layers=3&C.cell=lstm&C.hidden=64&C.layers=3&in=noise&len=2000',
  sharedLink: 'v=1&panes=AB&A.cell=lstm&B.cell=gru&text=the%20quick%20brown%20fox&t=7&unit=3',
} as const;

/** The first cell diagram of any pane, drawn. */
const DIAGRAM = '[role="img"][aria-label*=" cell diagram, step "]';
/** The gradient panel with its result: not busy, one caption per pane. */
const GRADIENTS_DONE = '.gradients[aria-busy="false"] .gradient-captions li';
/** How long the largest scene may take to show its gradient result, in s. */
export const LARGEST_WAIT_S = 60;

/** Opens a scene and waits for its first diagram and the debug hook. */
async function openReady(browser: Browser, hash: string): Promise<Page> {
  const page = await openScene(browser, hash);
  await page.locator(DIAGRAM).first().waitFor({ timeout: 60_000 });
  await waitForHook(page);
  return page;
}

const STEPPING = 'Stepping with → (main-thread work per step: script + style/layout)';
/** Steps 300 ms apart: a student pressing →, every step's flow animation plays. */
const FLOWS = 'steps 300 ms apart, every flow plays';
const SLIDER = 'Dragging the weight-scale slider (pane A)';

/**
 * Steps a scene, records the p95 and median main-thread work per step and the traces
 * computed meanwhile (0: the memo holds).
 */
async function stepFigures(
  figures: Figures,
  page: Page,
  scene: string,
  { steps, flows, p95Target }: { steps: number; flows: boolean; p95Target?: number },
): Promise<void> {
  const how = flows ? FLOWS : 'held key';
  const spec = (measure: string, target?: FigureSpec['target']): FigureSpec => ({
    section: STEPPING,
    scene: `${scene}, ${how}`,
    measure,
    unit: 'ms',
    ...(target ? { target } : {}),
  });
  const before = await tracesComputed(page);
  const work = stepWork(await measureStepping(page, steps, flows ? 300 : 0));
  const traces = (await tracesComputed(page)) - before;
  figures.add(
    spec('p95', p95Target === undefined ? undefined : { op: '<', value: p95Target }),
    work.p95,
  );
  figures.add(spec('median'), work.median);
  figures.add(
    {
      ...spec(`traces computed during ${steps} steps`),
      unit: 'count',
      target: { op: '=', value: 0 },
    },
    traces,
  );
}

/** Records the slider's rate from rest, then over a drag (target ≥ 45 updates/s). */
async function sliderFigure(figures: Figures, page: Page, scene: string): Promise<void> {
  // The first updates of a page also compile the update code: told apart from the drag.
  const first = await sliderRate(page, 10);
  const rate = await sliderRate(page, 40);
  const figure = { section: SLIDER, scene, unit: 'updates/s' } as const;
  figures.add({ ...figure, measure: 'first 10 updates, from rest' }, first);
  figures.add({ ...figure, measure: 'the next 40 updates', target: { op: '≥', value: 45 } }, rate);
}

/** The calibration figure: the engine's LSTM forward, T=1000, H=32, in a page of the app. */
export const CALIBRATION: FigureSpec = {
  section: 'Calibration (same page, same browser)',
  scene: "engine's LSTM forward, T=1000, H=32, one layer",
  measure: 'median of 9 runs after 2 warm-ups',
  unit: 'ms',
};

export async function calibration(browser: Browser, figures: Figures): Promise<void> {
  const page = await openReady(browser, SCENES.oneT200);
  await page.waitForTimeout(500); // let the gradient worker's first result land
  figures.add(CALIBRATION, await calibrateInPage(page));
  await closePage(page);
}

/** One LSTM (T=200, H=32): stepping 300 ms apart and held; one LSTM (T=500): the slider. */
export async function onePane(browser: Browser, figures: Figures): Promise<void> {
  const page = await openReady(browser, SCENES.oneT200);
  await stepFigures(figures, page, 'one LSTM, T=200, H=32', {
    steps: 25,
    flows: true,
    p95Target: 10,
  });
  await stepFigures(figures, page, 'one LSTM, T=200, H=32', {
    steps: 40,
    flows: false,
    p95Target: 10,
  });
  await closePage(page);
  const t500 = await openReady(browser, SCENES.oneT500);
  await sliderFigure(figures, t500, 'one LSTM, T=500, H=32');
  await closePage(t500);
}

/** Three panes (LSTM, GRU, RNN; T=200, H=32): stepping 300 ms apart, then the slider. */
export async function threePanes(browser: Browser, figures: Figures): Promise<void> {
  const page = await openReady(browser, SCENES.threeT200);
  await stepFigures(figures, page, 'three panes (LSTM, GRU, RNN), T=200, H=32', {
    steps: 25,
    flows: true,
    p95Target: 14,
  });
  await sliderFigure(figures, page, 'three panes (LSTM, GRU, RNN), T=200, H=32');
  await closePage(page);
}

/** Opening a shared link (LSTM + GRU): ms from navigation start to the restored diagram. */
export async function sharedLink(browser: Browser, figures: Figures): Promise<void> {
  const watch = [
    { name: 'restored', selector: '[role="img"][aria-label="GRU cell diagram, step 7"]' },
  ];
  const page = await openScene(browser, SCENES.sharedLink, watch);
  const seen = await waitSeen(page, ['restored'], 30_000);
  const spec: FigureSpec = {
    section: 'Opening a shared link',
    scene: 'LSTM + GRU, text input, step 7',
    measure: 'navigation start → restored diagram drawn',
    unit: 'ms',
    target: { op: '<', value: 700 },
  };
  if (seen.restored === undefined) figures.miss(spec, 'did not finish within 30 s');
  else figures.add(spec, seen.restored);
  await closePage(page);
}

/**
 * The main-thread tasks before `end` (ms from navigation start): the longest (target under
 * 200 ms), how many took 200 ms or more, and when the longest began.
 */
function longTaskFigures(
  figures: Figures,
  spec: (measure: string, target?: FigureSpec['target']) => FigureSpec,
  state: BenchState | null,
  end: number,
): void {
  const until = 'until the gradient result';
  const longest = spec(`longest main-thread task ${until}`, { op: '<', value: 200 });
  const blocking: FigureSpec = {
    ...spec(`main-thread tasks of 200 ms or more ${until}`, { op: '=', value: 0 }),
    unit: 'count',
  };
  const startOf = spec('navigation start → start of that longest task');
  const why = state === null ? 'page frozen' : `no longtask entries: ${state.longTaskError}`;
  if (state === null || state.longTaskError !== undefined) {
    for (const f of [longest, blocking, startOf]) figures.miss(f, why);
    return;
  }
  const tasks = state.longTasks.filter((t) => t.start < end);
  const top = tasks.reduce((a, t) => (t.duration > a.duration ? t : a), { start: 0, duration: 0 });
  figures.add(longest, top.duration);
  figures.add(blocking, tasks.filter((t) => t.duration >= 200).length);
  figures.add(startOf, top.start);
}

/**
 * The largest scene the controls accept: time to the first diagram, the longest
 * main-thread task until the gradient plot shows its result (or the wait ends), the time
 * to that result, then stepping 300 ms apart.
 */
export async function largestScene(browser: Browser, figures: Figures): Promise<void> {
  const section = 'Largest scene: three LSTM panes, H=64, 3 layers, T=2000';
  const scene = 'opened from a link';
  const spec = (measure: string, target?: FigureSpec['target']): FigureSpec => ({
    section,
    scene,
    measure,
    unit: 'ms',
    ...(target ? { target } : {}),
  });
  const firstDiagram = spec('navigation start → first diagram drawn');
  const gradients = spec('navigation start → gradient plot shows its result');
  const watch = [
    { name: 'diagram', selector: DIAGRAM },
    { name: 'gradients', selector: GRADIENTS_DONE },
  ];
  const page = await openScene(browser, SCENES.largest, watch);
  const seen = await waitSeen(page, ['diagram', 'gradients'], LARGEST_WAIT_S * 1000);
  const late = `did not finish within ${LARGEST_WAIT_S} s`;
  if (seen.diagram === undefined) figures.miss(firstDiagram, late);
  else figures.add(firstDiagram, seen.diagram);
  if (seen.gradients === undefined) figures.miss(gradients, late);
  else figures.add(gradients, seen.gradients);
  const state = await Promise.race([
    benchState(page).catch(() => null),
    new Promise<null>((r) => setTimeout(() => r(null), 5_000)),
  ]);
  longTaskFigures(figures, spec, state, seen.gradients ?? Infinity);
  const stepped = { section: STEPPING, scene: `largest scene, ${FLOWS}`, measure: 'p95' };
  if (seen.diagram === undefined) {
    figures.miss({ ...stepped, unit: 'ms' }, `not stepped: no diagram within ${LARGEST_WAIT_S} s`);
  } else {
    try {
      await waitForHook(page);
      await stepFigures(figures, page, 'largest scene', { steps: 12, flows: true });
    } catch (e) {
      figures.miss({ ...stepped, unit: 'ms' }, `stepping failed: ${String(e).split('\n')[0]}`);
    }
  }
  await closePage(page);
}
