import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, keepPicture } from './fixtures';

/** The region "Write a lesson", opened from the header. */
async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'Write a lesson' }).click();
  return page.getByRole('region', { name: 'Write a lesson' });
}

const notesOf = (page: Page) => page.getByRole('region', { name: 'Lesson notes' });

/** A lesson file, as bytes for the file input. */
const lessonFile = (name: string, json: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)),
});

test('a two-stop lesson with a live number travels whole in its link and walks in a fresh browser', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#v=1&A.cell=gru&text=hello%20world');
  const editor = await openEditor(page);
  await editor.getByLabel('Title').fill('The update gate');
  const next = editor.getByLabel('Caption of stop 1');
  await next.fill('The update gate is z = ');
  await editor.getByLabel('Live number').selectOption('{A.z}');
  await editor.getByRole('button', { name: 'Insert' }).click();
  await expect(next).toHaveValue('The update gate is z = {A.z}');
  await next.press('End');
  await next.pressSequentially(' at step {t}.');
  await editor.getByRole('button', { name: 'Add stop' }).click();
  // The second stop: three steps later, another caption.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await editor.getByLabel('Caption of stop 2').fill('Step {t}: h = {A.h}.');
  await editor.getByRole('button', { name: 'Add stop' }).click();
  await expect(editor.getByRole('list', { name: 'Stops' }).getByRole('listitem')).toHaveCount(2);

  await editor.getByRole('button', { name: 'Copy lesson link' }).click();
  await expect(editor.getByRole('status').first()).toContainText('Copied the lesson link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/lesson=authored&.*L=\d+\.[0-9a-z]+\./);

  // A fresh browser: no storage, nothing but the link.
  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await fresh.newPage();
  const problems: string[] = [];
  other.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  await other.goto(link);
  const notes = notesOf(other);
  const caption = notes.locator('.lesson-caption');
  await expect(notes).toContainText('The update gate');
  await expect(notes).toContainText('Stop 1 of 2');
  await expect(caption).toHaveText(/^The update gate is z = [−-]?\d\.\d+ at step 1\.$/);
  await notes.getByRole('button', { name: 'Next' }).click();
  await expect(notes).toContainText('Stop 2 of 2');
  await expect(caption).toHaveText(/^Step 3: h = [−-]?\d\.\d+\.$/);
  await expect(other.getByRole('button', { name: 'Step back' })).toBeEnabled();
  // Its stop in the address, with the lesson still in it; Previous goes back exactly.
  await expect.poll(() => other.url()).toContain('stop=2');
  expect(other.url()).toContain('&L=');
  await notes.getByRole('button', { name: 'Previous' }).click();
  await expect(caption).toContainText('at step 1.');
  await expect(other.getByRole('alert')).toHaveCount(0);
  await keepPicture(other, 'authored-lesson-link');
  expect(problems).toEqual([]);
  await fresh.close();
});

test('Save lesson writes a file that Open lesson file plays again', async ({ page }) => {
  await page.goto('./#v=1&A.cell=rnn&t=2');
  const editor = await openEditor(page);
  await editor.getByLabel('Title').fill('Saved and opened');
  await editor.getByLabel('Description (optional)').fill('A plain RNN');
  await editor.getByLabel('Caption of stop 1').fill('h = {A.h} at step {t}.');
  await editor.getByRole('button', { name: 'Add stop' }).click();
  await editor.getByLabel('Caption of stop 2').fill('The end.');
  await editor.getByRole('button', { name: 'Add stop' }).click();
  // Reorder, edit and delete: the file holds the result.
  await editor.getByRole('button', { name: 'Move stop 2 up' }).click();
  await expect(editor.getByLabel('Caption of stop 1')).toHaveValue('The end.');
  await editor.getByLabel('Caption of stop 1').fill('The start.');
  const saving = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Save lesson' }).click();
  const file = await (await saving).path();
  const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; stops: unknown[] };
  expect(json.format).toBe('gatescope-lesson/1');
  expect(json.stops).toEqual([
    { scene: 'A.cell=rnn&t=2', caption: 'The start.' },
    { scene: 'A.cell=rnn&t=2', caption: 'h = {A.h} at step {t}.' },
  ]);

  await editor.getByRole('button', { name: 'New lesson' }).click();
  await expect(editor.getByRole('list', { name: 'Stops' })).toHaveCount(0);
  await editor.getByLabel('Lesson file').setInputFiles(file);
  await expect(editor.getByRole('status').first()).toContainText('Opened “Saved and opened”');
  const notes = notesOf(page);
  await expect(notes).toContainText('Stop 1 of 2');
  await expect(notes.locator('.lesson-caption')).toHaveText('The start.');
  await notes.getByRole('button', { name: 'Next' }).click();
  await expect(notes.locator('.lesson-caption')).toHaveText(/^h = [−-]?\d\.\d+ at step 2\.$/);
  // It plays like a built-in lesson: in the Lesson select, and in presentation mode.
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue('authored');
  await page.keyboard.press('p');
  await expect(notes).toContainText('Stop 2 of 2');
  await keepPicture(page, 'authored-lesson-presenting');
});

test('a hostile lesson file is contained: refused with its reason, or shown as text with a notice', async ({
  page,
}) => {
  await page.goto('./#v=1');
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('conveyor-belt');
  const notes = notesOf(page);
  await expect(notes).toContainText('Stop 1 of 5');
  const editor = await openEditor(page);
  const input = editor.getByLabel('Lesson file');

  // 10 MB of text: refused at once, unread; the lesson open stays. (A file on disk: a
  // buffer would spend seconds crossing to the browser before the page sees it.)
  const huge = test.info().outputPath('huge.json');
  writeFileSync(huge, 'x'.repeat(10_000_000));
  const started = Date.now();
  await input.setInputFiles(huge);
  await expect(editor.getByRole('alert')).toContainText('10.0 MB');
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(notes).toContainText('Stop 1 of 5');
  await input.setInputFiles(lessonFile('broken.json', '{"format": "gatescope-lesson/1", "ti'));
  await expect(editor.getByRole('alert')).toContainText('not JSON');
  await expect(notes).toContainText('The LSTM’s cell state');

  // Script, a javascript: link and an unknown placeholder: text, with a notice.
  const caption =
    '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script> \\href{javascript:window.__owned=3}{click} {A.speed} f = {A.f}.';
  await input.setInputFiles(
    lessonFile('hostile.json', {
      format: 'gatescope-lesson/1',
      title: '<b>Bold</b> title',
      stops: [{ scene: 'A.cell=lstm&A.hidden=abc', caption }],
    }),
  );
  await expect(notes).toContainText('<b>Bold</b> title');
  const shown = notes.locator('.lesson-caption');
  await expect(shown).toContainText('<script>window.__owned=2</script>');
  await expect(shown).toContainText('\\href{javascript:window.__owned=3}{click} {A.speed} f = ');
  await expect(shown).not.toContainText('{A.f}');
  await expect(notes.locator('script, img, a')).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'About this lesson' });
  await expect(notice).toContainText('{A.speed}');
  await expect(notice).toContainText('hidden size');
  expect(await page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined();
  await keepPicture(page, 'authored-lesson-hostile');
});
