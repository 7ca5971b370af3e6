import { LESSONS } from '../../src/lessons/lessons';
import { test, expect, keepPicture } from './fixtures';

const lesson = LESSONS[0]!;

/** The link of stop k (0-based): the lesson's scene, the stop's settings, lesson and stop. */
function stopHash(k: number): string {
  const params = new URLSearchParams(`v=1&${lesson.scene}&${lesson.stops[k]?.set ?? ''}`);
  params.set('lesson', lesson.id);
  params.set('stop', String(k + 1));
  return params.toString();
}
const embedHash = `${stopHash(0)}&embed=1`;

test('the embed view at 480 px: the diagram, playback and notes, a link to the full app, no storage written', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 480, height: 800 });
  await page.goto(`./#${embedHash}`);
  const notes = page.getByRole('region', { name: 'Lesson notes' });
  await expect(notes).toContainText(`Stop 1 of ${lesson.stops.length}`);
  await expect(page.getByRole('img', { name: /^LSTM cell diagram, step 1$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
  // Minimal chrome: none of the full app's header, controls or analysis views.
  await expect(page.getByRole('button', { name: 'Write a lesson' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Controls' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Gate heatmaps' })).toHaveCount(0);
  const full = page.getByRole('link', { name: 'Open in Gatescope' });
  await expect(full).toHaveAttribute('href', new RegExp(`lesson=${lesson.id}`));
  expect(await full.getAttribute('href')).not.toContain('embed=1');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
  await keepPicture(page, 'embed-480', { fullPage: true });

  await notes.getByRole('button', { name: 'Next' }).click();
  await expect(notes).toContainText(`Stop 2 of ${lesson.stops.length}`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: /^LSTM cell diagram, step 3$/ })).toBeVisible();
  await expect.poll(() => page.url()).toContain('t=3');
  expect(page.url()).toContain('embed=1');
  const stored = await page.evaluate(() => [
    ...Object.keys(localStorage),
    ...Object.keys(sessionStorage),
  ]);
  expect(stored).toEqual([]);

  // In a course page's frame: it takes no focus on its own, and keys go to the frame.
  await page.setViewportSize({ width: 800, height: 900 });
  await page.setContent(
    `<main><h1>Course page</h1><button>Before</button><iframe src="${baseURL}#${embedHash}" width="480" height="760" title="Gatescope lesson"></iframe><button>After</button></main>`,
  );
  const frame = page.frameLocator('iframe');
  const frameNotes = frame.getByRole('region', { name: 'Lesson notes' });
  await expect(frameNotes).toContainText(`Stop 1 of ${lesson.stops.length}`);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  await frameNotes.getByRole('button', { name: 'Next' }).click();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('ArrowRight');
  await expect(frame.getByRole('img', { name: /^LSTM cell diagram, step 3$/ })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await keepPicture(page, 'embed-in-course-page');
});

test('Embed gives an iframe snippet of the scene and its lesson', async ({ page }) => {
  await page.goto(`./#${stopHash(1)}`);
  await page.getByRole('button', { name: 'Embed' }).click();
  const snippet = page.getByRole('region', { name: 'Embed' }).getByRole('textbox');
  await expect(snippet).toHaveValue(
    /^<iframe src="[^"]+#v=1&[^"]*lesson=conveyor-belt&amp;stop=2[^"]*&amp;embed=1"/,
  );
  await expect(snippet).toHaveValue(/title="Gatescope lesson: The LSTM’s cell state/);
});

test('Print lesson: a handout with every stop’s caption and diagram, two to a printed page', async ({
  page,
}) => {
  await page.goto(`./#${stopHash(2)}`);
  await page.getByRole('button', { name: 'Print lesson' }).click();
  const handout = page.getByRole('dialog', { name: lesson.title });
  await expect(handout.locator('article')).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  const stops = handout.locator('.handout-stop');
  await expect(stops).toHaveCount(lesson.stops.length);
  for (let k = 0; k < lesson.stops.length; k++) {
    const stop = stops.nth(k);
    await expect(stop.getByRole('heading')).toHaveText(`Stop ${k + 1} of ${lesson.stops.length}`);
    await expect(stop.getByRole('img')).toHaveCount(1);
    await expect(stop.locator('.handout-caption')).not.toContainText('{');
    await expect(stop.locator('.handout-caption')).not.toContainText('…');
  }
  await expect(stops.nth(0).locator('.handout-caption')).toContainText('Step 1 carries the signal');
  await keepPicture(page, 'handout');
  // Walking the stops put the scene back where it was.
  await expect.poll(() => page.url()).toContain('stop=3');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', outline: true, tagged: true });
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  expect(pages).toBe(Math.ceil(lesson.stops.length / 2));
  // Tagged, with an outline: every stop's heading is an outline entry, and every stop's
  // diagram is a figure with its alternative text (PDF literal strings).
  for (let k = 1; k <= lesson.stops.length; k++) {
    expect(text, `stop ${k}`).toContain(`/Title (Stop ${k} of ${lesson.stops.length})`);
    expect(text, `stop ${k}`).toContain(`/Alt (Cell diagram of model A at stop ${k})`);
  }
});

test('on a dark page, the handout and its diagrams are drawn in the light colours of paper; the page stays dark', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`./#${stopHash(0)}`);
  await page.getByRole('button', { name: 'Print lesson' }).click();
  const handout = page.getByRole('dialog', { name: lesson.title });
  await expect(handout.locator('article')).toHaveAttribute('data-ready', '', { timeout: 20_000 });
  const background = (locator: ReturnType<typeof page.locator>) =>
    locator.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background(handout)).toBe('rgb(248, 250, 252)');
  // Each picture's SVG: the panel behind the diagram is white, not the dark panel.
  const sources = await handout
    .getByRole('img')
    .evaluateAll((images) =>
      images.map((image) => decodeURIComponent((image as HTMLImageElement).src)),
    );
  expect(sources.length).toBe(lesson.stops.length);
  for (const svg of sources) {
    // The first rectangle is the picture's background: the panel the diagram sits on.
    expect(/<rect [^>]*fill="([^"]+)"/.exec(svg)?.[1]).toBe('rgb(255,255,255)');
    expect(svg).not.toContain('rgb(17,26,46)');
  }
  await handout.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(handout).toBeHidden();
  // The page is as dark as before: its theme was put back after the walk.
  expect(await background(page.locator('html'))).toBe('rgb(11, 18, 32)');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'light');
});
