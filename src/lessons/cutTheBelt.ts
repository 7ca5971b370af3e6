import type { LessonOutline } from './types';

/**
 * "Cut the conveyor belt": interventions on the shipped remember-first models (sample 1,
 * which starts with −1 and whose next input, +0.78, has the other sign). Each stop is a
 * scene with its interventions in the link (`A.iv=…`); tests/lessons/cutTheBelt.test.ts
 * checks every claim of the captions (in captionTexts.ts) on the shipped files.
 */
export const CUT_THE_BELT: LessonOutline = {
  id: 'cut-the-belt',
  title: 'Cut the conveyor belt: what if a gate were forced?',
  shortTitle: 'Cut the belt',
  teaches: 'what each LSTM gate does, shown by forcing it (interventions); the GRU’s z',
  rows: ['lstm-memory', 'lstm-gates', 'gru'],
  scene:
    'panes=A&A.cell=lstm&A.hidden=8&A.model=remember-first-50-lstm&in=task&task=remember-first&len=50&nseed=1&unit=8&t=50',
  stops: [
    {},
    {
      set: 'A.iv=f:*:25:0',
    },
    {
      set: 'A.iv=f:*:25-50:0',
    },
    {
      set: 'A.iv=i:*:1:0',
    },
    {
      set: 'A.iv=o:*:50:0',
    },
    {
      set: 'A.cell=gru&A.model=remember-first-50-gru&A.iv=z:*:1:1',
    },
  ],
};
