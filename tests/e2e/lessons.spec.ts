import { LESSONS } from '../../src/lessons/lessons';
import { test, expect, keepPicture } from './fixtures';

/**
 * Every stop of every lesson is checked in jsdom (`tests/lessons/stops.test.ts`: numbers,
 * placeholders, notices). In the browser, three lessons are walked stop by stop, between
 * them one trained pane, two trained panes side by side, and a two-layer next-character
 * model: the real page fills every caption, raises no alert and keeps the stop in the link.
 */
const WALKED = ['conveyor-belt', 'why-rnns-forget', 'stacked'];

for (const [n, lesson] of LESSONS.entries()) {
  if (!WALKED.includes(lesson.id)) continue;
  test(`lesson ${n + 1}, “${lesson.title}”: every stop opens with its live numbers`, async ({
    page,
  }) => {
    await page.goto('./#v=1');
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption(lesson.id);
    const notes = page.getByRole('region', { name: 'Lesson notes' });
    const caption = notes.locator('.lesson-caption');
    const next = notes.getByRole('button', { name: 'Next' });
    const previous = notes.getByRole('button', { name: 'Previous' });
    await expect(notes).toContainText(lesson.title);
    await expect(previous).toBeDisabled();
    for (let k = 0; k < lesson.stops.length; k++) {
      if (k > 0) await next.click();
      await expect(notes).toContainText(`Stop ${k + 1} of ${lesson.stops.length}`);
      await expect(caption).toHaveAttribute('data-stop', String(k + 1));
      // Trained models load, and every number of the caption is filled in.
      await expect(caption).not.toContainText('…');
      await expect(caption).not.toContainText('{');
      await expect(page.getByRole('alert')).toHaveCount(0);
      // The stop is in the address too, so the teacher can link to it (stop 1 is the
      // default, left out of the link). Checked at the first and last stops: the address
      // is written 150 ms after a change, and waiting for it at every stop costs seconds.
      if (k === 0 || k === lesson.stops.length - 1) {
        const where = k === 0 ? `lesson=${lesson.id}` : `stop=${k + 1}`;
        await expect.poll(() => new URL(page.url()).hash, { intervals: [50] }).toContain(where);
      }
      if (k === Math.min(2, lesson.stops.length - 1)) {
        await keepPicture(page, `lesson-${n + 1}-${lesson.id}`, { fullPage: true });
      }
    }
    await expect(next).toBeDisabled();
    // Previous goes back to the exact scene of the stop before.
    const last = await caption.textContent();
    await previous.click();
    await expect(caption).toHaveAttribute('data-stop', String(lesson.stops.length - 1));
    await next.click();
    await expect(caption).toHaveText(last ?? '');
  });
}

test('a lesson link opens at its stop in a fresh page, and Close lesson keeps the scene', async ({
  page,
}) => {
  const lesson = LESSONS.find((l) => l.id === 'why-rnns-forget')!;
  // The link a teacher copies at stop 2 (its scene, the stop's settings, lesson and stop).
  await page.goto(`./#v=1&${lesson.scene}&${lesson.stops[1]!.set}&lesson=${lesson.id}&stop=2`);
  const notes = page.getByRole('region', { name: 'Lesson notes' });
  await expect(notes).toContainText('Stop 2 of');
  await expect(notes.locator('.lesson-caption')).not.toContainText('…');
  await expect(page.getByRole('region', { name: 'Model B — LSTM', exact: true })).toBeVisible();
  await notes.getByRole('button', { name: 'Close lesson' }).click();
  await expect(notes).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue('');
});
