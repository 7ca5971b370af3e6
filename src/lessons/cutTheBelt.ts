import type { Lesson } from './types';

/**
 * "Cut the conveyor belt": interventions on the shipped remember-first models (sample 1,
 * which starts with −1 and whose next input, +0.78, has the other sign). Each stop is a
 * scene with its interventions in the link (`A.iv=…`); tests/lessons/cutTheBelt.test.ts
 * checks every claim of the captions on the shipped files.
 */
export const CUT_THE_BELT: Lesson = {
  id: 'cut-the-belt',
  title: 'Cut the conveyor belt: what if a gate were forced?',
  shortTitle: 'Cut the belt',
  teaches: 'what each LSTM gate does, shown by forcing it (interventions); the GRU’s z',
  rows: ['lstm-memory', 'lstm-gates', 'gru'],
  scene:
    'panes=A&A.cell=lstm&A.hidden=8&A.model=remember-first-50-lstm&in=task&task=remember-first&len=50&nseed=1&unit=8&t=50',
  stops: [
    {
      caption:
        'The trained LSTM again, on a sample that starts with −1. At step 50 it answers {A.readout}, and unit {unit} holds the bit in its cell state, c = {A.c}. Watching says the gates keep the bit; forcing them (What if?) shows it.',
    },
    {
      set: 'A.iv=f:*:25:0',
      caption:
        'Force the forget gate of every unit to 0 at step 25 (see What if?): the belt is cut there, c₂₅ = i·g. Yet the answer stays {A.readout}: the candidate g reads h₂₄, which still carries the sign, and writes it back. One cut is not enough.',
    },
    {
      set: 'A.iv=f:*:25-50:0',
      caption:
        'Hold f at 0 from step 25 to the end: nothing is carried from one step to the next in c, and the bit is lost. The answer at step 50 is now {A.readout}, a guess driven by the last inputs.',
    },
    {
      set: 'A.iv=i:*:1:0',
      caption:
        'Shut the input gate at step 1 instead: c₁ = i·g = 0 and h₁ = 0, the state the model starts from. The bit is never written, and the model takes step 2’s input (+0.78) for the first: it answers {A.readout}.',
    },
    {
      set: 'A.iv=o:*:50:0',
      caption:
        'Force the output gate to 0 at step 50: h = o·tanh(c) = {A.h}, so the read-out sees nothing and falls back to its bias, {A.readout}. The cell state still holds the bit, c = {A.c}: o only decides what is shown.',
    },
    {
      set: 'A.cell=gru&A.model=remember-first-50-gru&A.iv=z:*:1:1',
      caption:
        'The GRU has one state, h = (1 − z)·n + z·hₜ₋₁: z is its forget and input gate in one. Force z = 1 at step 1 and h keeps its zero start (h = {A.h} at step 50 for unit {unit}): the bit is never written, and the GRU answers {A.readout}.',
    },
  ],
};
