import { CUT_THE_BELT } from './cutTheBelt';
import type { Lesson } from './types';

/**
 * The guided lessons, in teaching order. Together they cover every row of the table in
 * NOTES.md ("What the notes teach"); `teaches` names the rows. Scenes and stops are link
 * text (src/io/sceneSchema.ts); a test reads every one of them without a problem, and
 * checks that each trained model named exists in public/models.
 */
export const LESSONS: readonly Lesson[] = [
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
        caption:
          'This LSTM learned to remember the first input of a 50-step sequence and to give its sign at the very end. Step 1 carries the signal, x = {A.x}: for unit {unit} the input gate (i = {A.i}) lets the candidate g = {A.g} into the cell state, c = {A.c}.',
      },
      {
        set: 't=2',
        caption:
          'From step 2 on the input is noise, as large as the signal was. Every step computes c = f·cₜ₋₁ + i·g: the forget gate f = {A.f} decides how much of the old cell state stays, the input gate i = {A.i} how much of the candidate g = {A.g} is added; here c = {A.c}.',
      },
      {
        set: 't=25',
        caption:
          'Step {t}: the forget gate sits near 1 (f = {A.f}), so nothing written into c fades, and the candidate keeps adding the same sign (g = {A.g}), fed back through h. The cell state has grown to c = {A.c}: the bit rides the conveyor belt, whatever the noise does.',
      },
      {
        set: 't=50',
        caption:
          'At the last step the output gate (o = {A.o}) shows the cell state as the short-term memory h = o·tanh(c) = {A.h}, and the read-out turns h into an answer: {A.readout}. On fresh sequences this model is right {A.accuracy} of the time; a coin is right {A.chance}.',
      },
      {
        set: 't=1&nseed=3',
        views: ['heatmaps'],
        caption:
          'Another sample (Sample 3 under Input) starts with x = {A.x}. Step through it with → and watch the cell state of unit {unit} move the other way and stay there. In the heatmaps, the f rows are almost uniformly close to 1: the belt keeps running.',
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
        caption:
          'Two models trained alike on the same task: keep the sign of the first input for 50 steps. Model A is a plain RNN, hₜ = tanh(W_ih xₜ + W_hh hₜ₋₁ + b): one hidden state, fed back into the next step. Model B is the LSTM of the first lesson.',
      },
      {
        set: 't=50',
        caption:
          'At the last step the RNN answers {A.readout} and the LSTM {B.readout}. On fresh sequences the RNN is right {A.accuracy} of the time, no better than a coin ({A.chance}); the LSTM {B.accuracy}.',
      },
      {
        set: 't=50',
        views: ['gradients'],
        caption:
          'Training follows the gradient back through time (BPTT), and the plot under “Gradients through time” shows how much the last h still depends on each earlier h. For the RNN ‖∂h_T/∂h_1‖ = {A.grad}, for the LSTM {B.grad}: the answer hangs on step 1, and the RNN’s gradient from there is too faint to learn from.',
      },
      {
        set: 'A.model=remember-first-5-rnn&B.model=remember-first-5-lstm&len=5&t=5',
        caption:
          'Shorten the gap to 5 steps and the RNN copes: trained on length 5 it is right {A.accuracy} of the time, and ‖∂h_T/∂h_1‖ = {A.grad}. The task is the same; what defeats the plain RNN is the distance between cause and effect, a long-term dependency.',
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
        caption:
          'A plain RNN with random orthogonal weights on 60 steps of noise. Going one step back multiplies the gradient by W_hhᵀ and by tanh′ ≤ 1, so over many steps it shrinks or grows geometrically; the plot is on a log scale. With weight scale 1: ‖∂h_T/∂h_1‖ = {A.grad}.',
      },
      {
        set: 'A.scale=0.5',
        views: ['gradients'],
        caption:
          'Halve the recurrent weights (weight scale 0.5) and the gradient dies within a few steps: ‖∂h_T/∂h_1‖ = {A.grad}. Whatever happened early in the sequence can no longer be learned from.',
      },
      {
        set: 'A.scale=3',
        views: ['gradients'],
        caption:
          'Triple them (weight scale 3) and it explodes instead: ‖∂h_T/∂h_1‖ = {A.grad}. One huge gradient throws the weights far off, which is why training clips the gradient’s norm (the trained models here were clipped at 1).',
      },
      {
        set: 'A.scale=3&len=20&t=20',
        views: ['gradients'],
        caption:
          'Length matters as much as scale: the same weights over 20 steps give ‖∂h_T/∂h_1‖ = {A.grad}. Drag the Weight scale slider and change the Sequence length to see both effects at once.',
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
        caption:
          'The adding problem: each step brings a random number and a marker, and at the end the model must give the sum of the two marked numbers. In this sample they are at steps 11 and 38. The gate names are switched to learn, forget, remember and use, as some courses call them.',
      },
      {
        set: 't=11',
        dependsOn: ['naming'],
        caption:
          'Step {t} is marked (x = {A.x}). The learn gate opens: its ignore factor i = {A.i} lets the new information g = {A.g} through, and the remember gate adds it to long-term memory, c = {A.c}.',
      },
      {
        set: 't=12',
        dependsOn: ['naming'],
        caption:
          'One step later the number is not marked, and the learn gate stays nearly shut: its ignore factor i = {A.i}. The forget gate f = {A.f} keeps what was written, so long-term memory stays at c = {A.c}.',
      },
      {
        set: 't=38',
        dependsOn: ['naming'],
        caption:
          'The second marked number arrives (x = {A.x}). The learn gate opens again (ignore factor i = {A.i}), and long-term memory takes it in: c = {A.c}.',
      },
      {
        set: 't=50',
        dependsOn: ['naming'],
        caption:
          'At the end the use gate (its use factor o = {A.o}) turns long-term memory into h = {A.h}, and the read-out predicts {A.readout} for a target of 1.57. It is within ±0.04 of the sum on {A.accuracy} of fresh sequences; always answering 1 would be {A.chance}.',
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
        caption:
          'The same task for an LSTM (A) and a GRU (B). The GRU has no separate cell state: one hidden state h does both jobs, and two gates replace three, the reset gate r and the update gate z.',
      },
      {
        set: 't=25',
        caption:
          'In PyTorch’s form hₜ = (1 − z)·n + z·hₜ₋₁: where z is near 1 the old state is kept, as the LSTM keeps c where f is near 1. For unit {unit} of the GRU z = {B.z} and h = {B.h}; the GRU holds the bit in h itself.',
      },
      {
        set: 't=50',
        views: ['summary'],
        caption:
          'Both answer: the LSTM {A.readout}, the GRU {B.readout}, right on {A.accuracy} and {B.accuracy} of fresh sequences. The Comparison table shows the price: {B.params} parameters for the GRU against {A.params} for the LSTM, and a slightly faster pass. Which of the two learns better depends on the task.',
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
        caption:
          'Both panes hold exactly the same weights (seed 0). Model A runs them in PyTorch’s convention, model B in the classic one of Cho et al. (2014), which many course notes use.',
      },
      {
        set: 't=1',
        views: ['equations'],
        caption:
          'They differ twice: PyTorch applies the reset gate after the matrix, r ⊙ (W_hn h + b_hn), where classic applies it before, W_hn (r ⊙ h); and PyTorch keeps the old state with z, classic with 1 − z. Compare the two sets of equations below the diagrams.',
      },
      {
        set: 't=5',
        caption:
          'So the same numbers make different cells: at step {t}, unit {unit}, model A has n = {A.n} and h = {A.h}, model B n = {B.n} and h = {B.h}. When weights come from a paper or another framework, first find out which GRU they mean.',
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
        caption:
          'A two-layer LSTM trained to predict the next character of a nursery rhyme. Layer 1 reads the characters; layer 2 reads layer 1’s hidden states; the read-out reads layer 2.',
      },
      {
        set: 't=12&layer=1',
        caption:
          'Layer 1 at step {t} (the character {A.x}): for unit {unit}, f = {A.f} and c = {A.c}. The Layer control on the diagram switches between the layers.',
      },
      {
        set: 't=12&layer=2',
        caption:
          'Layer 2 at the same step: f = {A.f} and c = {A.c}. Its input is layer 1’s h, so it can build on what layer 1 extracted. The read-out guesses the next character: {A.readout}.',
      },
      {
        set: 't=12&layer=2',
        views: ['heatmaps', 'gradients'],
        caption:
          'Stacking adds parameters ({A.params} here) and a second path for the gradient, up and down through the layers as well as back through time. The heatmaps and the gradient plot follow the layer you select.',
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
        caption:
          'A GRU trained to forecast a sine wave one step ahead: each step it sees xₜ and predicts xₜ₊₁. Early on it has seen little of the wave, and its prediction {A.readout} is rough.',
      },
      {
        set: 't=30',
        caption:
          'By step {t} its hidden state has the wave’s phase and period: it predicts {A.readout}. It is within ±0.1 of the next value on {A.accuracy} of all steps of fresh sequences, where always answering 0 would be {A.chance}.',
      },
      {
        set: 'A.cell=lstm&A.hidden=16&A.model=next-char-40-lstm&task=next-char&t=20',
        caption:
          'Text works the same way, one character per step: this LSTM reads the rhyme one-hot and predicts the next character, here {A.readout} after “{A.x}”. It is right on {A.accuracy} of characters, against {A.chance} for always guessing the commonest one.',
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
      {
        caption:
          'An LSTM (A) and a plain RNN (B) with the same hidden size. The LSTM has four weight blocks to the RNN’s one: {A.params} parameters against {B.params}. More weights need more data and overfit more easily when data is scarce.',
      },
      {
        views: ['gradients'],
        caption:
          'Its behaviour also depends on how it starts. With the forget-gate bias at 0, f starts near 0.5 and halves the cell state at every step; over 100 steps ‖∂h_T/∂h_1‖ = {A.grad}.',
      },
      {
        set: 'A.fbias=2',
        views: ['gradients'],
        caption:
          'Add 2 to the forget-gate bias, a common trick: f starts near 0.9 and the gradient now reaches back ‖∂h_T/∂h_1‖ = {A.grad}. The trained LSTMs of these lessons started with a forget-gate bias of 3.',
      },
      {
        set: 'A.fbias=2&A.seed=7',
        views: ['gradients'],
        caption:
          'A different seed draws other random weights, and another gradient: now ‖∂h_T/∂h_1‖ = {A.grad}. Small models on small data can land far apart from one seed to the next, so compare cells over several seeds before you crown one.',
      },
    ],
  },
  CUT_THE_BELT,
];
