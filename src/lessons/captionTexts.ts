/**
 * The captions of the built-in lessons' stops, by lesson id, in stop order: what to look
 * at, in two or three sentences, with placeholders for live numbers (see LessonStop in
 * types.ts). Most of the lessons' text, so kept out of the first paint: only the lesson
 * notes, the handout and the lesson tests read them, through `LESSONS` (lessons.ts).
 */
export const LESSON_CAPTIONS: Readonly<Record<string, readonly string[]>> = {
  'conveyor-belt': [
    'This LSTM learned to remember the first input of a 50-step sequence and to give its sign at the very end. Step 1 carries the signal, x = {A.x}: for unit {unit} the input gate (i = {A.i}) lets the candidate g = {A.g} into the cell state, c = {A.c}.',
    'From step 2 on the input is noise, as large as the signal was. Every step computes c = f·cₜ₋₁ + i·g: the forget gate f = {A.f} decides how much of the old cell state stays, the input gate i = {A.i} how much of the candidate g = {A.g} is added; here c = {A.c}.',
    'Step {t}: the forget gate sits near 1 (f = {A.f}), so nothing written into c fades, and the candidate keeps adding the same sign (g = {A.g}), fed back through h. The cell state has grown to c = {A.c}: the bit rides the conveyor belt, whatever the noise does.',
    'At the last step the output gate (o = {A.o}) shows the cell state as the short-term memory h = o·tanh(c) = {A.h}, and the read-out turns h into an answer: {A.readout}. On fresh sequences this model is right {A.accuracy} of the time; a coin is right {A.chance}.',
    'Another sample (Sample 3 under Input) starts with x = {A.x}. Step through it with → and watch the cell state of unit {unit} move the other way and stay there. In the heatmaps, the f rows are almost uniformly close to 1: the belt keeps running.',
  ],
  'why-rnns-forget': [
    'Two models trained alike on the same task: keep the sign of the first input for 50 steps. Model A is a plain RNN, hₜ = tanh(W_ih xₜ + W_hh hₜ₋₁ + b): one hidden state, fed back into the next step. Model B is the LSTM of the first lesson.',
    'At the last step the RNN answers {A.readout} and the LSTM {B.readout}. On fresh sequences the RNN is right {A.accuracy} of the time, no better than a coin ({A.chance}); the LSTM {B.accuracy}.',
    'Training follows the gradient back through time (BPTT), and the plot under “Gradients through time” shows how much the last h still depends on each earlier h. For the RNN ‖∂h_T/∂h_1‖ = {A.grad}, for the LSTM {B.grad}: the answer hangs on step 1, and the RNN’s gradient from there is too faint to learn from.',
    'Shorten the gap to 5 steps and the RNN copes: trained on length 5 it is right {A.accuracy} of the time, and ‖∂h_T/∂h_1‖ = {A.grad}. The task is the same; what defeats the plain RNN is the distance between cause and effect, a long-term dependency.',
  ],
  'exploding-gradients': [
    'A plain RNN with random orthogonal weights on 60 steps of noise. Going one step back multiplies the gradient by W_hhᵀ and by tanh′ ≤ 1, so over many steps it shrinks or grows geometrically; the plot is on a log scale. With weight scale 1: ‖∂h_T/∂h_1‖ = {A.grad}.',
    'Halve the recurrent weights (weight scale 0.5) and the gradient dies within a few steps: ‖∂h_T/∂h_1‖ = {A.grad}. Whatever happened early in the sequence can no longer be learned from.',
    'Triple them (weight scale 3) and it explodes instead: ‖∂h_T/∂h_1‖ = {A.grad}. One huge gradient throws the weights far off, which is why training clips the gradient’s norm (the trained models here were clipped at 1).',
    'Length matters as much as scale: the same weights over 20 steps give ‖∂h_T/∂h_1‖ = {A.grad}. Drag the Weight scale slider and change the Sequence length to see both effects at once.',
  ],
  'write-and-show': [
    'The adding problem: each step brings a random number and a marker, and at the end the model must give the sum of the two marked numbers. In this sample they are at steps 11 and 38. The gate names are switched to learn, forget, remember and use, as some courses call them.',
    'Step {t} is marked (x = {A.x}). The learn gate opens: its ignore factor i = {A.i} lets the new information g = {A.g} through, and the remember gate adds it to long-term memory, c = {A.c}.',
    'One step later the number is not marked, and the learn gate stays nearly shut: its ignore factor i = {A.i}. The forget gate f = {A.f} keeps what was written, so long-term memory stays at c = {A.c}.',
    'The second marked number arrives (x = {A.x}). The learn gate opens again (ignore factor i = {A.i}), and long-term memory takes it in: c = {A.c}.',
    'At the end the use gate (its use factor o = {A.o}) turns long-term memory into h = {A.h}, and the read-out predicts {A.readout} for a target of 1.57. It is within ±0.04 of the sum on {A.accuracy} of fresh sequences; always answering 1 would be {A.chance}.',
  ],
  'gru-simplified': [
    'The same task for an LSTM (A) and a GRU (B). The GRU has no separate cell state: one hidden state h does both jobs, and two gates replace three, the reset gate r and the update gate z.',
    'In PyTorch’s form hₜ = (1 − z)·n + z·hₜ₋₁: where z is near 1 the old state is kept, as the LSTM keeps c where f is near 1. For unit {unit} of the GRU z = {B.z} and h = {B.h}; the GRU holds the bit in h itself.',
    'Both answer: the LSTM {A.readout}, the GRU {B.readout}, right on {A.accuracy} and {B.accuracy} of fresh sequences. The Comparison table shows the price: {B.params} parameters for the GRU against {A.params} for the LSTM, and a slightly faster pass. Which of the two learns better depends on the task.',
  ],
  'gru-conventions': [
    'Both panes hold exactly the same weights (seed 0). Model A runs them in PyTorch’s convention, model B in the classic one of Cho et al. (2014), which many course notes use.',
    'They differ twice: PyTorch applies the reset gate after the matrix, r ⊙ (W_hn h + b_hn), where classic applies it before, W_hn (r ⊙ h); and PyTorch keeps the old state with z, classic with 1 − z. Compare the two sets of equations below the diagrams.',
    'So the same numbers make different cells: at step {t}, unit {unit}, model A has n = {A.n} and h = {A.h}, model B n = {B.n} and h = {B.h}. When weights come from a paper or another framework, first find out which GRU they mean.',
  ],
  stacked: [
    'A two-layer LSTM trained to predict the next character of a nursery rhyme. Layer 1 reads the characters; layer 2 reads layer 1’s hidden states; the read-out reads layer 2.',
    'Layer 1 at step {t} (the character {A.x}): for unit {unit}, f = {A.f} and c = {A.c}. The Layer control on the diagram switches between the layers.',
    'Layer 2 at the same step: f = {A.f} and c = {A.c}. Its input is layer 1’s h, so it can build on what layer 1 extracted. The read-out guesses the next character: {A.readout}.',
    'Stacking adds parameters ({A.params} here) and a second path for the gradient, up and down through the layers as well as back through time. The heatmaps and the gradient plot follow the layer you select.',
  ],
  applications: [
    'A GRU trained to forecast a sine wave one step ahead: each step it sees xₜ and predicts xₜ₊₁. Early on it has seen little of the wave, and its prediction {A.readout} is rough.',
    'By step {t} its hidden state has the wave’s phase and period: it predicts {A.readout}. It is within ±0.1 of the next value on {A.accuracy} of all steps of fresh sequences, where always answering 0 would be {A.chance}.',
    'Text works the same way, one character per step: this LSTM reads the rhyme one-hot and predicts the next character, here {A.readout} after “{A.x}”. It is right on {A.accuracy} of characters, against {A.chance} for always guessing the commonest one.',
  ],
  'lstm-costs': [
    'An LSTM (A) and a plain RNN (B) with the same hidden size. The LSTM has four weight blocks to the RNN’s one: {A.params} parameters against {B.params}. More weights need more data and overfit more easily when data is scarce.',
    'Its behaviour also depends on how it starts. With the forget-gate bias at 0, f starts near 0.5 and halves the cell state at every step; over 100 steps ‖∂h_T/∂h_1‖ = {A.grad}.',
    'Add 2 to the forget-gate bias, a common trick: f starts near 0.9 and the gradient now reaches back ‖∂h_T/∂h_1‖ = {A.grad}. The trained LSTMs of these lessons started with a forget-gate bias of 3.',
    'A different seed draws other random weights, and another gradient: now ‖∂h_T/∂h_1‖ = {A.grad}. Small models on small data can land far apart from one seed to the next, so compare cells over several seeds before you crown one.',
  ],
  'cut-the-belt': [
    'The trained LSTM again, on a sample that starts with −1. At step 50 it answers {A.readout}, and unit {unit} holds the bit in its cell state, c = {A.c}. Watching says the gates keep the bit; forcing them (What if?) shows it.',
    'Force the forget gate of every unit to 0 at step 25 (see What if?): the belt is cut there, c₂₅ = i·g. Yet the answer stays {A.readout}: the candidate g reads h₂₄, which still carries the sign, and writes it back. One cut is not enough.',
    'Hold f at 0 from step 25 to the end: nothing is carried from one step to the next in c, and the bit is lost. The answer at step 50 is now {A.readout}, a guess driven by the last inputs.',
    'Shut the input gate at step 1 instead: c₁ = i·g = 0 and h₁ = 0, the state the model starts from. The bit is never written, and the model takes step 2’s input (+0.78) for the first: it answers {A.readout}.',
    'Force the output gate to 0 at step 50: h = o·tanh(c) = {A.h}, so the read-out sees nothing and falls back to its bias, {A.readout}. The cell state still holds the bit, c = {A.c}: o only decides what is shown.',
    'The GRU has one state, h = (1 − z)·n + z·hₜ₋₁: z is its forget and input gate in one. Force z = 1 at step 1 and h keeps its zero start (h = {A.h} at step 50 for unit {unit}): the bit is never written, and the GRU answers {A.readout}.',
  ],
};
