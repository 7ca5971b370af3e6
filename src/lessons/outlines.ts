import { CUT_THE_BELT } from './cutTheBelt';
import type { LessonOutline } from './types';

/**
 * The guided lessons, in teaching order, without their captions: what the first render
 * needs (titles, scenes, stops). The captions, most of the lessons' text, load after first
 * paint (captionTexts.ts; `LESSONS` in lessons.ts joins the two). Together the lessons
 * cover every row of the table in NOTES.md ("What the notes teach"); `teaches` names the
 * rows. Scenes and stops are link
 * text (src/io/sceneSchema.ts); a test reads every one of them without a problem, and
 * checks that each trained model named exists in public/models.
 */
export const LESSON_OUTLINES: readonly LessonOutline[] = [
  {
    id: 'conveyor-belt',
    title: 'The LSTM’s cell state, a conveyor belt',
    shortTitle: 'Conveyor belt',
    teaches: 'LSTM long- and short-term memory; forget, input and output gates',
    rows: ['lstm-memory', 'lstm-gates'],
    scene:
      'panes=A&A.cell=lstm&A.hidden=8&A.model=remember-first-50-lstm&in=task&task=remember-first&len=50&nseed=2&unit=7',
    stops: [
      {
        set: 't=1',
      },
      {
        set: 't=2',
      },
      {
        set: 't=25',
      },
      {
        set: 't=50',
      },
      {
        set: 't=1&nseed=3',
        views: ['heatmaps'],
      },
    ],
  },
  {
    id: 'why-rnns-forget',
    title: 'Why a plain RNN forgets',
    shortTitle: 'Why RNNs forget',
    teaches:
      'the hidden state fed back at every step; backpropagation through time; vanishing gradients and long-term dependency',
    rows: ['hidden-state', 'bptt', 'vanishing-exploding'],
    scene:
      'panes=AB&A.cell=rnn&A.hidden=8&A.model=remember-first-50-rnn&B.cell=lstm&B.hidden=8&B.model=remember-first-50-lstm&in=task&task=remember-first&len=50&nseed=2',
    stops: [
      {
        set: 't=1',
      },
      {
        set: 't=50',
      },
      {
        set: 't=50',
        views: ['gradients'],
      },
      {
        set: 'A.model=remember-first-5-rnn&B.model=remember-first-5-lstm&len=5&t=5',
      },
    ],
  },
  {
    id: 'exploding-gradients',
    title: 'Vanishing and exploding gradients',
    shortTitle: 'Vanish or explode',
    teaches: 'vanishing and exploding gradients: weight scale and sequence length',
    rows: ['vanishing-exploding', 'bptt'],
    scene: 'panes=A&A.cell=rnn&A.hidden=16&A.init=orthogonal&in=noise&len=60&t=60',
    stops: [
      {
        views: ['gradients'],
      },
      {
        set: 'A.scale=0.5',
        views: ['gradients'],
      },
      {
        set: 'A.scale=3',
        views: ['gradients'],
      },
      {
        set: 'A.scale=3&len=20&t=20',
        views: ['gradients'],
      },
    ],
  },
  {
    id: 'write-and-show',
    title: 'Input and output gates: what to write, what to show',
    shortTitle: 'Write and show',
    teaches:
      'input gate with the tanh candidate; output gate; the learn / forget / remember / use names',
    rows: ['lstm-gates', 'gate-naming'],
    scene:
      'panes=A&A.cell=lstm&A.hidden=8&A.model=adding-50-lstm&in=task&task=adding&len=50&nseed=3&names=lfru&unit=4',
    stops: [
      {
        set: 't=1',
        dependsOn: ['naming'],
      },
      {
        set: 't=11',
        dependsOn: ['naming'],
      },
      {
        set: 't=12',
        dependsOn: ['naming'],
      },
      {
        set: 't=38',
        dependsOn: ['naming'],
      },
      {
        set: 't=50',
        dependsOn: ['naming'],
      },
    ],
  },
  {
    id: 'gru-simplified',
    title: 'The GRU, a simplified LSTM',
    shortTitle: 'The GRU',
    teaches:
      'GRU: no cell state, update gate z and reset gate r; fewer operations, a little faster, no clear winner',
    rows: ['gru', 'gru-cost'],
    scene:
      'panes=AB&A.cell=lstm&A.hidden=8&A.model=remember-first-50-lstm&B.cell=gru&B.hidden=8&B.model=remember-first-50-gru&in=task&task=remember-first&len=50&nseed=2&unit=3',
    stops: [
      {
        set: 't=1',
      },
      {
        set: 't=25',
      },
      {
        set: 't=50',
        views: ['summary'],
      },
    ],
  },
  {
    id: 'gru-conventions',
    title: 'Two ways to write a GRU',
    shortTitle: 'Two GRU forms',
    teaches: 'GRU conventions: the same weights in PyTorch and classic form',
    rows: ['gru'],
    scene: 'panes=AB&A.cell=gru&B.cell=gru&B.gru=classic&text=hello%20world',
    stops: [
      {
        set: 't=1',
      },
      {
        set: 't=1',
        views: ['equations'],
      },
      {
        set: 't=5',
      },
    ],
  },
  {
    id: 'stacked',
    title: 'Deep (stacked) RNNs',
    shortTitle: 'Stacked RNNs',
    teaches: 'deep (stacked) RNNs; the layer selector; text',
    rows: ['deep', 'applications'],
    scene:
      'panes=A&A.cell=lstm&A.hidden=16&A.layers=2&A.model=next-char-40-lstm-2layer&in=task&task=next-char&len=40&nseed=1',
    stops: [
      {
        set: 't=1&layer=1',
      },
      {
        set: 't=12&layer=1',
      },
      {
        set: 't=12&layer=2',
      },
      {
        set: 't=12&layer=2',
        views: ['heatmaps', 'gradients'],
      },
    ],
  },
  {
    id: 'applications',
    title: 'Applications: a time series and a text',
    shortTitle: 'Applications',
    teaches: 'time series prediction and text, with trained models',
    rows: ['applications'],
    scene:
      'panes=A&A.cell=gru&A.hidden=8&A.model=sine-next-40-gru&in=task&task=sine-next&len=40&nseed=1',
    stops: [
      {
        set: 't=3',
      },
      {
        set: 't=30',
      },
      {
        set: 'A.cell=lstm&A.hidden=16&A.model=next-char-40-lstm&task=next-char&t=20',
      },
    ],
  },
  {
    id: 'lstm-costs',
    title: 'What an LSTM costs: size and initialisation',
    shortTitle: 'LSTM costs',
    teaches: 'LSTM drawbacks: complexity, overfitting, sensitivity to initialisation',
    rows: ['lstm-drawbacks'],
    scene: 'panes=AB&A.cell=lstm&A.hidden=16&B.cell=rnn&B.hidden=16&in=noise&len=100&t=100',
    stops: [
      {},
      {
        views: ['gradients'],
      },
      {
        set: 'A.fbias=2',
        views: ['gradients'],
      },
      {
        set: 'A.fbias=2&A.seed=7',
        views: ['gradients'],
      },
    ],
  },
  CUT_THE_BELT,
];
