import { describe, expect, it } from 'vitest';
import { decodeScene } from '../../src/io/sceneUrl';
import { AUTHORED_ID } from '../../src/lessons/authored';
import {
  lessonJson,
  lessonOf,
  MAX_LESSON_FILE_BYTES,
  packLesson,
  readLessonText,
  stopSceneText,
  unpackLesson,
  type LessonDraft,
} from '../../src/lessons/lessonFile';
import { stopHash } from '../../src/lessons/navigate';

const draft: LessonDraft = {
  title: 'Two stops',
  description: 'A GRU, then an LSTM',
  stops: [
    { scene: 'A.cell=gru&text=hello&t=2', caption: 'z = {A.z} at step {t}.', views: [] },
    { scene: 'A.cell=rnn&t=4&unit=2', caption: 'h = {A.h}.', views: ['heatmaps'] },
  ],
};

const file = (over: Record<string, unknown>) =>
  JSON.stringify({ ...JSON.parse(lessonJson(draft)), ...over });

describe('lesson files', () => {
  it('read back what they saved, and each stop opens its own scene', () => {
    const read = readLessonText(lessonJson(draft));
    if ('problem' in read) throw new Error(read.problem);
    expect(read.notes).toEqual([]);
    expect(read.draft).toEqual(draft);
    const lesson = lessonOf(read.draft);
    const { scene } = decodeScene(stopHash(lesson, 1));
    expect(scene.panes[0]?.cell).toBe('rnn');
    expect([scene.t, scene.unit, scene.lesson, scene.stop]).toEqual([4, 1, AUTHORED_ID, 1]);
  });

  it('travel whole in a link value, which is refused when damaged', () => {
    const packed = packLesson(draft);
    expect(packed).not.toBeNull();
    const back = unpackLesson(packed!);
    expect('draft' in back && back.draft).toEqual(draft);
    const damaged = packed!.slice(0, -3) + (packed!.endsWith('A') ? 'BBB' : 'AAA');
    expect(unpackLesson(damaged)).toHaveProperty('problem');
  });

  it('refuse 10 MB of text before parsing it, fast', () => {
    const huge = `{"format":"gatescope-lesson/1","title":"${'x'.repeat(10_000_000)}"}`;
    const started = performance.now();
    const read = readLessonText(huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(read).toEqual({ problem: expect.stringContaining('10.0 MB') as string });
    expect(readLessonText('x'.repeat(MAX_LESSON_FILE_BYTES + 1))).toHaveProperty('problem');
  });

  it('refuse what is not a lesson, saying why', () => {
    const why = (text: string) => {
      const read = readLessonText(text);
      return 'problem' in read ? read.problem : 'read';
    };
    expect(why('not json')).toMatch(/not JSON/);
    expect(why('[1,2]')).toMatch(/an array, not a lesson/);
    expect(why(file({ format: 'gatescope-lesson/2' }))).toMatch(/gatescope-lesson\/2/);
    expect(why(file({ title: 42 }))).toMatch(/title is a number/);
    expect(why(file({ stops: [] }))).toMatch(/no stops/);
    expect(why(file({ stops: Array(21).fill(draft.stops[0]) }))).toMatch(/21 stops; at most 20/);
    expect(why(file({ stops: [{ scene: '', caption: 'y'.repeat(2001) }] }))).toMatch(/2001/);
  });

  it('keep hostile captions as text and name unknown placeholders and unreadable settings', () => {
    const caption = '<script>alert(1)</script> \\href{javascript:alert(1)}{x} {A.speed} {A.f}';
    const read = readLessonText(
      file({ stops: [{ scene: 'A.cell=gru&A.hidden=abc', caption }], extra: 1 }),
    );
    if ('problem' in read) throw new Error(read.problem);
    expect(read.draft.stops[0]?.caption).toBe(caption);
    expect(read.notes.join(' ')).toMatch(/“extra”/);
    expect(read.notes.join(' ')).toMatch(/\{x\}, \{A\.speed\} are not placeholders/);
    expect(read.notes.join(' ')).toMatch(/hidden size 'abc'/);
    // The stop keeps what could be read: a GRU of the default size.
    expect(read.draft.stops[0]?.scene).toBe('A.cell=gru');
  });

  it('capture a scene without the lesson, stop or how it is shown', () => {
    const { scene } = decodeScene('v=1&A.cell=gru&t=3&present=1&theme=dark&lesson=x&stop=2');
    expect(stopSceneText(scene)).toBe('A.cell=gru&t=3');
  });
});
