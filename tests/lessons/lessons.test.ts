import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeScene } from '../../src/io/sceneUrl';
import { LESSON_CAPTIONS } from '../../src/lessons/captionTexts';
import { LESSONS, lessonWithCaptions } from '../../src/lessons/lessons';
import { LESSON_OUTLINES } from '../../src/lessons/outlines';
import { lessonById, stopHash } from '../../src/lessons/navigate';
import { NOTES_ROWS, STOP_VIEWS, type StopView } from '../../src/lessons/types';
import { quantityLabels } from '../../src/views/diagram/labels';

/** Words in a caption that send the audience to a view, per view. */
const VIEW_WORDS: Record<StopView, RegExp> = {
  heatmaps: /heatmap/i,
  gradients: /plot|Gradients through time/,
  summary: /Comparison table/i,
  equations: /equations/i,
};

/** The diagram's title of each LSTM quantity under a naming ("ignore factor" for i). */
const lstmTitles = (naming: 'standard' | 'lfru') =>
  new Map(
    quantityLabels('lstm', { naming, convention: 'pytorch', nonlinearity: 'tanh' }).map((l) => [
      l.name,
      l.title,
    ]),
  );

/** Placeholders fillCaption knows (see src/lessons/types.ts). */
const PANE_NAMES = new Set(
  'i f g o c h r z n pre x readout accuracy chance grad params'.split(' '),
);
const SCENE_NAMES = new Set(['t', 'T', 'unit']);

/** Sentences of a caption: a full stop, question or exclamation mark before a capital or the end. */
const sentences = (text: string) => text.match(/[.!?](?=\s+[A-Z‘“]|$)/g)?.length ?? 0;

describe('the lessons', () => {
  it('are at least seven, with distinct ids, and together teach every row of the notes', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(7);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    const taught = new Set(LESSONS.flatMap((l) => l.rows));
    expect([...NOTES_ROWS].filter((row) => !taught.has(row))).toEqual([]);
  });

  it('has one caption per stop, each lesson’s outline (first paint) joined with its captions (loaded later)', () => {
    expect(Object.keys(LESSON_CAPTIONS).sort()).toEqual(LESSON_OUTLINES.map((l) => l.id).sort());
    for (const outline of LESSON_OUTLINES) {
      const captions = LESSON_CAPTIONS[outline.id] ?? [];
      expect(captions, outline.id).toHaveLength(outline.stops.length);
      expect(
        captions.every((caption) => caption.trim().length > 0),
        outline.id,
      ).toBe(true);
      const lesson = lessonWithCaptions(outline.id);
      expect(lesson?.stops.map((stop) => stop.caption)).toEqual(captions);
      expect(lesson?.stops.map((stop) => stop.set)).toEqual(outline.stops.map((stop) => stop.set));
      expect(lessonById(outline.id)).toBe(outline);
    }
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      it('reads every stop as a link without a problem, and names its lesson and stop', () => {
        expect(lesson.stops.length).toBeGreaterThanOrEqual(3);
        lesson.stops.forEach((_, k) => {
          const { scene, problems } = decodeScene(stopHash(lesson, k));
          expect(problems).toEqual([]);
          expect(scene.lesson).toBe(lesson.id);
          expect(scene.stop).toBe(k);
          expect(lessonWithCaptions(scene.lesson)).toBe(lesson);
        });
      });

      it('names only trained models that ship in public/models', () => {
        lesson.stops.forEach((_, k) => {
          const { scene } = decodeScene(stopHash(lesson, k));
          for (const pane of scene.panes) {
            if (pane.trained) expect(existsSync(`public/models/${pane.trained}.json`)).toBe(true);
          }
        });
      });

      it('has captions of two or three sentences whose placeholders are all known', () => {
        for (const { caption } of lesson.stops) {
          const n = sentences(caption);
          expect(n, caption).toBeGreaterThanOrEqual(2);
          expect(n, caption).toBeLessThanOrEqual(3);
          for (const [, pane, name] of caption.matchAll(/\{(?:([ABC])\.)?([A-Za-z]+)\}/g)) {
            expect(pane ? PANE_NAMES.has(name!) : SCENE_NAMES.has(name!), `{${name}}`).toBe(true);
          }
          expect(caption).not.toMatch(/[A-Z]{3,}_[A-Z]/); // no template token left unfilled
        }
      });

      it('names every view its captions send the audience to, so presentation shows it', () => {
        for (const stop of lesson.stops) {
          for (const view of STOP_VIEWS) {
            if (VIEW_WORDS[view].test(stop.caption))
              expect(stop.views, stop.caption).toContain(view);
          }
        }
      });

      it('calls the LSTM gates what the diagram calls them under the lesson’s naming', () => {
        const naming =
          new URLSearchParams(lesson.scene).get('names') === 'lfru' ? 'lfru' : 'standard';
        const other = naming === 'lfru' ? 'standard' : 'lfru';
        const titles = lstmTitles(naming);
        // Words only the other naming uses ("input gate" under lfru, "use gate" under standard).
        const foreign = [...lstmTitles(other).values()].filter(
          (t) => ![...titles.values()].some((own) => own.includes(t) || t.includes(own)),
        );
        for (const stop of lesson.stops) {
          for (const word of foreign) expect(stop.caption, word).not.toContain(word);
          if (naming !== 'lfru') continue;
          // Under learn / forget / remember / use, i and o are quoted with their box's words.
          for (const name of ['i', 'o']) {
            if (stop.caption.includes(`{A.${name}}`)) {
              expect(stop.caption, name).toContain(`${titles.get(name)} ${name} = {A.${name}}`);
            }
          }
          expect(stop.dependsOn, 'its words depend on the naming').toContain('naming');
        }
      });
    });
  }
});
