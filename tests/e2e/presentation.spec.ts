import type { Page } from '@playwright/test';
import { LESSONS } from '../../src/lessons/lessons';
import { test, expect, seriousA11yViolations, keepPicture, cutSelects } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const presentationButton = (page: Page) => page.getByRole('button', { name: 'Presentation mode' });
const theme = (page: Page) => page.getByRole('combobox', { name: 'Theme' });
const px = (page: Page, selector: string, property: string) =>
  page.evaluate(
    ([sel, prop]) =>
      parseFloat(getComputedStyle(document.querySelector(sel!)!).getPropertyValue(prop!)),
    [selector, property],
  );
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.beforeEach(async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 1' })).toBeVisible();
});

test('P toggles presentation mode (large type, thick lines, only the scene and equations); the keyboard alone drives it', async ({
  page,
}) => {
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('p');
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await px(page, 'html', 'font-size')).toBeGreaterThanOrEqual(24);
  expect(await px(page, 'body', 'font-size')).toBeGreaterThanOrEqual(24);
  expect(await px(page, '.region', 'border-top-width')).toBeGreaterThanOrEqual(2);
  expect(await px(page, '.playback button', 'border-top-width')).toBeGreaterThanOrEqual(2);
  await expect(region(page, 'Controls')).toHaveCount(0);
  await expect(region(page, 'Gate heatmaps')).toHaveCount(0);
  await expect(region(page, 'Gradients through time')).toHaveCount(0);
  await expect(region(page, 'Cell diagram')).toBeVisible();
  await expect(region(page, 'Equations')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Time step' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 2' })).toBeVisible();
  await expect(region(page, 'Equations')).toContainText('step 2');
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await keepPicture(page, 'presentation-light');

  await page.keyboard.press('Shift+P');
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(region(page, 'Controls')).toBeVisible();
  expect(await px(page, 'html', 'font-size')).toBe(16);
  // Typing a P into a text field types it.
  const text = page.getByRole('textbox', { name: 'Input text' });
  await text.fill('');
  await text.pressSequentially('pp');
  await expect(text).toHaveValue('pp');
  await expect(presentationButton(page)).toHaveAttribute('aria-pressed', 'false');
  await text.evaluate((el) => (el as HTMLElement).blur());

  // Keyboard alone: a thick focus ring, Hide and Show controls, full screen.
  await page.keyboard.press('p');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toBeVisible();
  const ring = await focused.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth));
  expect(ring).toBeGreaterThanOrEqual(4);
  // The first stop is the Lesson select, which keeps its letters: leave it, then P.
  await focused.evaluate((el) => (el as HTMLElement).blur());
  await page.keyboard.press('p');

  const hide = page.getByRole('button', { name: 'Hide controls' });
  await hide.focus();
  await page.keyboard.press('Enter');
  await expect(region(page, 'Controls')).toHaveCount(0);
  const show = page.getByRole('button', { name: 'Show controls' });
  await expect(show).toBeFocused();
  await expect(region(page, 'Cell diagram')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(region(page, 'Controls')).toBeVisible();
  await expect(hide).toBeFocused();

  const full = page.getByRole('button', { name: 'Full screen' });
  await full.click();
  await expect(page.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
  await page.getByRole('button', { name: 'Exit full screen' }).click();
  await expect(full).toBeVisible();
});

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const LIGHT = 'rgb(248, 250, 252)';
const DARK = 'rgb(11, 18, 32)';
/** Presentation's backgrounds: pure white and pure black. */
const PRESENTING = { light: 'rgb(255, 255, 255)', dark: 'rgb(0, 0, 0)' } as const;

// A theme forced against the system's scheme: the equations' term colours must follow the
// forced theme (useScheme in src/views/equations/palette.ts reads <html data-theme> first),
// or they keep the other scheme's colours and fail contrast. Each state is scanned once:
// the light system's own scheme is scanned in app-loads.spec.ts and, presenting, above.
test('on a light system, the Dark theme is forced by the Theme select and passes axe, presenting too', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await theme(page).selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(DARK);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await presentationButton(page).click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', '');
  await expect.poll(() => background(page)).toBe(PRESENTING.dark);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await keepPicture(page, 'presentation-dark-theme');
});

test('on a dark system, its own dark scheme and a forced Light theme pass axe, presenting too', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK);
  await presentationButton(page).click();
  await expect.poll(() => background(page)).toBe(PRESENTING.dark);
  expect(await seriousA11yViolations(page)).toEqual([]);
  // A forced theme wins over the system's, presenting or not. Presenting, Theme is under
  // More with the header's other secondary actions, so the header keeps to one row.
  await page.getByRole('button', { name: 'More' }).click();
  await theme(page).selectOption({ label: 'Light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(page)).toBe(PRESENTING.light);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await keepPicture(page, 'presentation-light-theme');
  await presentationButton(page).click();
  await expect.poll(() => background(page)).toBe(LIGHT);
  expect(await seriousA11yViolations(page)).toEqual([]);
  // System follows the system again.
  await theme(page).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await expect.poll(() => background(page)).toBe(DARK);
});

test('presenting, the header keeps to one row with the whole lesson name; the rest is under More', async ({
  page,
}) => {
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await presentationButton(page).click();
    const header = page.locator('.app-header');
    const controls = header.locator('button:visible, select:visible');
    const tops = await controls.evaluateAll((elements) =>
      elements.map((e) => Math.round(e.getBoundingClientRect().top)),
    );
    expect(Math.max(...tops) - Math.min(...tops), `one row at ${width} px`).toBeLessThanOrEqual(6);
    if (width >= 1280) expect(await cutSelects(header.getByRole('combobox'))).toEqual([]);
    // Theme, Full screen and the share and teach buttons: one press away.
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeHidden();
    await header.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
    await expect(theme(page)).toBeVisible();
    await page.keyboard.press('Escape'); // closes the menu; presenting goes on
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', '');
    await presentationButton(page).click();
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
  }
  // The list the ? key opens has a button of its own: nothing else says the key exists.
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('compare in presentation: the panes side by side, equations under them', async ({ page }) => {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await presentationButton(page).click();
  await expect(region(page, 'Model A — LSTM')).toBeVisible();
  await expect(region(page, 'Model B — GRU')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove model/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add model' })).toHaveCount(0);
  await expect(region(page, 'Comparison')).toHaveCount(0);
  await expect(region(page, 'Equations')).toBeVisible();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await keepPicture(page, 'presentation-compare');
  await keepPicture(page, 'presentation-compare-full', { fullPage: true });
});

test('a lesson presented: diagram and caption fit 1280×720 and 1920×1080; clicker keys; ? lists shortcuts', async ({
  page,
}) => {
  const picker = page.getByRole('combobox', { name: 'Lesson' });
  await picker.selectOption('conveyor-belt');
  const caption = page.locator('#lesson-caption');
  await expect(caption).toBeFocused(); // the keys go to the page, not to the picker
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', '');
  const diagram = page.getByRole('img', { name: /^LSTM cell diagram/ });
  await expect(caption).not.toContainText('…');
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const what of [caption, diagram]) {
      await expect
        .poll(async () => {
          const box = (await what.boundingBox())!;
          return box.y >= 0 && box.y + box.height <= height && box.x + box.width <= width;
        })
        .toBe(true);
    }
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await keepPicture(page, `presentation-lesson-${width}`);
  }
  // A clicker's Page Down: the next stop; the arrows still step time.
  await page.keyboard.press('PageDown');
  await expect(caption).toHaveAttribute('data-stop', '2');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 2' })).toBeVisible();
  const atStop = await caption.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 3' })).toBeVisible();
  await expect(caption).toHaveText(atStop ?? '');
  const back = page.getByRole('button', { name: 'Back to this stop' });
  await expect(page.getByRole('status').filter({ hasText: 'moved on' })).toContainText(
    'the step is 3, not 2',
  );
  // ? opens the list of shortcuts.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Page Down');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // One scan (axe builds its tree of the whole page, ~5 s here) of what a presented lesson
  // adds: the compact chrome, the notes with their notice, the dialog.
  const added = ['.app-header', '.playback-bar', '#lesson', 'dialog'];
  expect(await seriousA11yViolations(page, added)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await back.click();
  await expect(page.getByRole('img', { name: 'LSTM cell diagram, step 2' })).toBeVisible();
  await expect(back).toHaveCount(0);
  await page.keyboard.press('PageUp');
  await expect(caption).toHaveAttribute('data-stop', '1');
});

/**
 * The stops of the compare lessons that name a view: it lies below the panes, so opening
 * the stop scrolls down to it.
 */
const VIEW_STOPS = LESSONS.filter((lesson) => lesson.scene.startsWith('panes=AB')).flatMap(
  (lesson) =>
    lesson.stops.flatMap((stop, k) =>
      stop.views?.length ? [{ lesson, k, view: stop.views[0]! }] : [],
    ),
);

/**
 * Whether the stop's caption is on screen, the heading of the view `id` shows (not under
 * what sticks at the top), and all of that view, or half the screen of it, shows below
 * the caption.
 */
function captionBesideView(page: Page, id: string) {
  return page.evaluate((id) => {
    const text = document.getElementById('lesson-caption')!.getBoundingClientRect();
    const region = document.getElementById(id)!;
    const box = region.getBoundingClientRect();
    const heading = region.querySelector('h2')!.getBoundingClientRect();
    const headingShown = region.contains(
      document.elementFromPoint(heading.left + 4, heading.top + heading.height / 2),
    );
    const shown = Math.min(box.bottom, innerHeight) - Math.max(box.top, text.bottom);
    return {
      captionOnScreen: text.top >= 0 && text.bottom <= innerHeight,
      headingShown,
      viewShown: shown >= Math.min(box.height, innerHeight / 2) - 1,
    };
  }, id);
}

// One test per size: both sizes in one took 9.3 s on a busy hour, near the 10 s limit.
for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`a presented stop that names a view shows its caption and that view together, at ${width}×${height}`, async ({
    page,
  }) => {
    expect(VIEW_STOPS).toHaveLength(6);
    await page.setViewportSize({ width, height });
    const picker = page.getByRole('combobox', { name: 'Lesson' });
    const caption = page.locator('#lesson-caption');
    await picker.selectOption(LESSONS[0]!.id);
    await expect(caption).toBeFocused();
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', '');
    for (const { lesson, k, view } of VIEW_STOPS) {
      if ((await picker.inputValue()) !== lesson.id) {
        // Up to the header, where the Lesson select is.
        await page.evaluate(() => scrollTo(0, 0));
        await picker.selectOption(lesson.id);
        await expect(caption).toBeFocused();
      }
      const where = `${width}px, ${lesson.id} stop ${k + 1} (${view})`;
      // Page Down to the stop, as a clicker does.
      const at = Number(await caption.getAttribute('data-stop')) - 1;
      for (let n = at; n < k; n++) await page.keyboard.press('PageDown');
      await expect(caption).toHaveAttribute('data-stop', String(k + 1));
      await expect
        .poll(() => captionBesideView(page, view), { message: where })
        .toEqual({ captionOnScreen: true, headingShown: true, viewShown: true });
      if (width === 1280) await keepPicture(page, `presentation-${lesson.id}-${k + 1}`);
    }
  });
}

test('not presenting, a stop that names a view keeps its caption, Previous and Next on screen beside that view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const picker = page.getByRole('combobox', { name: 'Lesson' });
  const caption = page.locator('#lesson-caption');
  const notes = region(page, 'Lesson notes');
  for (const { lesson, k, view } of VIEW_STOPS) {
    if ((await picker.inputValue()) !== lesson.id) {
      await page.evaluate(() => scrollTo(0, 0));
      await picker.selectOption(lesson.id);
      await expect(caption).toBeFocused();
    }
    // With the Next button, as a student does: it has to stay on screen to be clicked.
    while (Number(await caption.getAttribute('data-stop')) - 1 < k) {
      await notes.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await expect(caption).toHaveAttribute('data-stop', String(k + 1));
    await expect
      .poll(() => captionBesideView(page, view), {
        message: `${lesson.id} stop ${k + 1} (${view})`,
      })
      .toEqual({ captionOnScreen: true, headingShown: true, viewShown: true });
    await expect(notes.getByRole('button', { name: 'Next', exact: true })).toBeInViewport();
  }
});
