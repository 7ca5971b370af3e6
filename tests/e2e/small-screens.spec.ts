import type { CDPSession, Page } from '@playwright/test';
import { test, expect, seriousA11yViolations, keepPicture } from './fixtures';

// Phones often ask for reduced motion: the drawer must take the focus without its slide.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, reducedMotion: 'reduce' });

const SIZES = [
  [360, 740],
  [390, 844],
  [768, 1024],
] as const;

const diagram = (page: Page, step: number) =>
  page.getByRole('img', { name: `LSTM cell diagram, step ${step}` });

/** Sideways overflow, the diagram's top, and its smallest drawn text in CSS px. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('.cd-svg')!;
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    let smallest = Infinity;
    let which = '';
    for (const text of Array.from(svg.querySelectorAll('text, tspan'))) {
      if (!text.textContent?.trim() || text.getBoundingClientRect().height === 0) continue;
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (px < smallest) [smallest, which] = [px, text.textContent];
    }
    return {
      overflow: document.scrollingElement!.scrollWidth - innerWidth,
      top: box.top,
      smallest,
      which,
    };
  });

/**
 * The Controls' selects whose value is wider than the room it has (on every line it takes),
 * and how many of its boxes (fieldsets) overlap one another or stick out of it.
 */
const controlsLayout = (page: Page) =>
  page.evaluate(() => {
    const controls = document.getElementById('controls')!;
    const context = document.createElement('canvas').getContext('2d')!;
    const cut: string[] = [];
    for (const select of Array.from(controls.querySelectorAll('select'))) {
      const style = getComputedStyle(select);
      context.font = style.font;
      const text = select.selectedOptions[0]?.textContent ?? '';
      // The room beside the drop-down arrow, times the lines the value may wrap onto.
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
      const lines = Math.max(
        1,
        Math.floor(select.clientHeight / (parseFloat(style.fontSize) * 1.2)),
      );
      if (context.measureText(text).width > room * lines) cut.push(text);
    }
    const boxes = Array.from(controls.querySelectorAll('fieldset')).map((f) =>
      f.getBoundingClientRect(),
    );
    const apart = (a: DOMRect, b: DOMRect) =>
      a.right - 1 <= b.left ||
      b.right - 1 <= a.left ||
      a.bottom - 1 <= b.top ||
      b.bottom - 1 <= a.top;
    const outer = controls.getBoundingClientRect();
    return {
      cut,
      overlaps: boxes.filter((a, k) => boxes.some((b, m) => m !== k && !apart(a, b))).length,
      outside: boxes.filter((b) => b.left < outer.left || b.right > outer.right).length,
    };
  });

/**
 * The header's rows on screen (its visible parts grouped by the line they sit on), and the
 * options of the Lesson and Weights selects whose text is wider than the room the closed
 * select has for it (the Weights select is measured in the closed Controls drawer).
 */
const headerAndSelects = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.app-header')!;
    const parts = Array.from(header.querySelectorAll('h1, .lesson-picker, button'))
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .sort((a, b) => a.top - b.top);
    let rows = 0;
    let bottom = -Infinity;
    for (const r of parts) {
      if (r.top >= bottom - 2) rows += 1;
      bottom = Math.max(r.top >= bottom - 2 ? r.bottom : bottom, r.bottom);
    }
    const context = document.createElement('canvas').getContext('2d')!;
    const cut: string[] = [];
    for (const label of Array.from(document.querySelectorAll('label'))) {
      const select = label.control;
      if (!(select instanceof HTMLSelectElement) || !/^(Lesson|Weights)$/.test(label.textContent!))
        continue;
      const style = getComputedStyle(select);
      context.font = style.font;
      // The room beside the drop-down arrow.
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
      for (const option of Array.from(select.options)) {
        if (context.measureText(option.text).width > room) cut.push(option.text);
      }
    }
    return { rows, cut };
  });

/** A finger moving sideways across the point (x, y) by dx CSS px, through Chromium's touch input. */
async function swipe(cdp: CDPSession, x: number, y: number, dx: number) {
  const at = (k: number) => [{ x: x + (dx * k) / 4, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (const k of [1, 2, 3, 4]) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/**
 * The diagram's texts that run out of their shapes sideways: a gate's value past its box,
 * an operation ("tanh", "1−") past its node. Each as "text: text box vs shape box".
 */
async function spills(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const check = (text: Element | null, shape: Element | null) => {
      if (!text || !shape) return;
      const t = text.getBoundingClientRect();
      const b = shape.getBoundingClientRect();
      if (t.width === 0) return; // not shown at this width
      if (t.left < b.left - 0.5 || t.right > b.right + 0.5)
        out.push(
          `${text.textContent}: ${t.left.toFixed(0)}–${t.right.toFixed(0)} vs ${b.left.toFixed(0)}–${b.right.toFixed(0)}`,
        );
    };
    for (const gate of document.querySelectorAll('.cd-gate')) {
      check(gate.querySelector('.cd-gate-value'), gate.querySelector('.cd-gate-cap'));
    }
    for (const node of document.querySelectorAll('.cd-node')) {
      check(node.querySelector('.cd-node-op'), node.querySelector('.cd-node-shape'));
    }
    return out;
  });
}

test('phones and tablets: no sideways scrolling, the diagram first and legible, a drawer, touch steps', async ({
  page,
}) => {
  await page.goto('./');
  await expect(diagram(page, 1)).toBeVisible();
  // The trained models' list has arrived (the Weights select's options).
  await expect(page.getByRole('option', { name: /^LSTM: remember first/ }).first()).toBeAttached();

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => scrollTo(0, 0));
    // Views that size themselves with a ResizeObserver follow the new width a frame later.
    await expect
      .poll(async () => (await measure(page)).overflow, {
        message: `${width}px: page wider than the screen`,
      })
      .toBeLessThanOrEqual(0);
    const m = await measure(page);
    if (width < 600) {
      // A phone's header: two rows; closed selects show every choice whole.
      const h = await headerAndSelects(page);
      expect(h.rows, `${width}px: rows of the header`).toBeLessThanOrEqual(2);
      expect(h.cut, `${width}px: options cut off in a closed select`).toEqual([]);
    }
    expect(m.top, `${width}px: the diagram starts on the first screen`).toBeLessThan(height * 0.75);
    expect(m.smallest, `${width}px: "${m.which}" is too small`).toBeGreaterThanOrEqual(11);
    expect(await spills(page), `${width}px: text wider than its box`).toEqual([]);
    // The playback bar stays at the top while the page scrolls.
    await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight));
    const bar = await page.locator('.playback-bar').boundingBox();
    expect(bar?.y).toBeCloseTo(0, 0);
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeInViewport();
  }
  await keepPicture(page, 'tablet-768');

  // The header's More menu, by keyboard, on a phone: Theme, Full screen and the share
  // buttons are behind it, named, and in the tab order once it is open.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => scrollTo(0, 0));
  const more = page.getByRole('button', { name: 'More', exact: true });
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toBeHidden();
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(theme).toBeFocused();
  for (const name of ['Full screen', 'Copy link', 'Copy view-only link']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  }
  await page.keyboard.press('Escape');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(theme).toBeHidden();
  await expect(more).toBeFocused();

  // The Controls drawer, by keyboard, on a phone.
  const controls = page.getByRole('region', { name: 'Controls', exact: true });
  const toggle = page.getByRole('button', { name: 'Controls', exact: true });
  await expect(controls).toBeHidden();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(controls).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Hide controls' })).toBeFocused();
  // The phone's own chrome: the header with its More menu and the open drawer.
  expect(await seriousA11yViolations(page, ['.app-header', '#controls'])).toEqual([]);
  await keepPicture(page, 'phone-drawer');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(controls).toBeHidden();
  await expect(toggle).toBeFocused();

  // Tap a gate for its explanation; tap elsewhere to close it; swipe or tap to step.
  const figure = page.locator('.cd-figure');
  await page.locator('.cd-gate[data-gate="f"]').tap();
  await expect(page.getByRole('tooltip')).toContainText('forget gate');
  const box = (await figure.boundingBox())!;
  await page.touchscreen.tap(box.x + 4, box.y + box.height - 4);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).tap();
  await expect(diagram(page, 2)).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  await swipe(cdp, box.x + box.width * 0.2, box.y + box.height / 2, box.width * 0.6);
  await expect(diagram(page, 1)).toBeVisible();
  await swipe(cdp, box.x + box.width * 0.8, box.y + box.height / 2, -box.width * 0.6);
  await expect(diagram(page, 2)).toBeVisible();
  await keepPicture(page, 'phone-390');

  // Presentation mode fits the phone too.
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const [width, height] of SIZES.slice(0, 2)) {
    await page.setViewportSize({ width, height });
    const m = await measure(page);
    expect(m.overflow, `presenting at ${width}px`).toBeLessThanOrEqual(0);
  }
  await keepPicture(page, 'phone-presentation');
});

test.describe(() => {
  // A desktop's mouse, then a narrow window: no touch, so the worker's shared page serves.
  test.use({ hasTouch: false, reducedMotion: undefined });

  test('the Controls keep every value whole and their boxes apart, one pane and compare; the comparison table turns on a narrow screen', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(diagram(page, 1)).toBeVisible();
    await expect(
      page.getByRole('option', { name: /^LSTM: remember first/ }).first(),
    ).toBeAttached();

    // On a desktop, one pane then compare: every select in the Controls shows its whole value,
    // and the boxes in the Controls (the export boxes too) stay apart and inside it.
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const mode of ['one pane', 'compare']) {
      if (mode === 'compare') await page.getByRole('button', { name: 'Compare' }).click();
      const exports = page.getByRole('group', { name: /^Export pane/ });
      await expect(exports).toHaveCount(mode === 'compare' ? 2 : 1);
      const layout = await controlsLayout(page);
      expect(layout.cut, `${mode}: select values cut off`).toEqual([]);
      expect(layout.overlaps, `${mode}: boxes drawn over each other`).toBe(0);
      expect(layout.outside, `${mode}: boxes outside the Controls`).toBe(0);
    }

    // On a phone the comparison table turns (a row per quantity) and fits the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    const table = page.getByRole('table', { name: /^Cost, skill and gradient flow/ });
    await expect(table.getByRole('rowheader', { name: 'Parameters' })).toBeVisible();
    const summary = table.locator('..');
    expect(await summary.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    expect((await measure(page)).overflow).toBeLessThanOrEqual(0);
  });
});
