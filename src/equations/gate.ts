import type { RecurrentActivation } from '../engine';
import type { StepContext } from './context';
import { atStep, lineBuilder, term, TEX } from './format';
import type { MarkRole, Notation, NumericEquation, PreSplit } from './types';

/**
 * How one gate (or the RNN's a_t) is written: an activation of W_i x_t + b_i + W_h v + b_h,
 * with v = h_{t−1}, or r_t ⊙ h_{t−1} for the classic GRU candidate.
 */
export interface GateForm {
  /** Trace name: 'f', 'n', 'pre'. */
  readonly name: string;
  /** LaTeX symbol of the left-hand side: 'f', '\\tilde{h}', 'a'. */
  readonly symbol: string;
  /** The same symbol in plain text, for hover labels: 'f', 'h̃', 'a'. */
  readonly plain: string;
  /** LaTeX activation ('\\sigma', '\\tanh'), or null for a_t, which is the sum itself. */
  readonly act: string | null;
  /** Subscript of the PyTorch names: 'f' gives W_{if}, W_{hf}, b_{if}, b_{hf}; '' gives W_{ih}… */
  readonly sub: string;
  /** Subscript of the concat names: 'f' gives W_f and b_f; '' gives W and b. */
  readonly concatSub: string;
  /** The concat subscript in plain text when it differs from the LaTeX ('h̃' for '\\tilde{h}'). */
  readonly concatPlain?: string;
  /** Whether the recurrent input is r_t ⊙ h_{t−1} (classic GRU candidate). */
  readonly resetInside?: boolean;
}

function names(form: GateForm) {
  const s = form.sub;
  const c = form.concatSub;
  const cp = form.concatPlain ?? c;
  const pt = s === '' ? { Wi: 'ih', Wh: 'hh' } : { Wi: `i${s}`, Wh: `h${s}` };
  return {
    Wi: `W_{${pt.Wi}}`,
    Wh: `W_{${pt.Wh}}`,
    bi: `b_{${pt.Wi}}`,
    bh: `b_{${pt.Wh}}`,
    W: c === '' ? 'W' : `W_{${c}}`,
    b: c === '' ? 'b' : `b_{${c}}`,
    plain: {
      Wi: `W_${pt.Wi}`,
      Wh: `W_${pt.Wh}`,
      bi: `b_${pt.Wi}`,
      bh: `b_${pt.Wh}`,
      W: cp === '' ? 'W' : `W_${cp}`,
      b: cp === '' ? 'b' : `b_${cp}`,
    },
  };
}

/**
 * LaTeX of the gates' sigmoid: σ, or σ_hard for the hard sigmoid of a Keras or TF.js model
 * (defined by {@link sigmoidNote}, so a reader never takes it for the logistic σ).
 */
export function sigmoidTex(activation: RecurrentActivation): string {
  return activation === 'sigmoid' ? '\\sigma' : '\\sigma_{\\mathrm{hard}}';
}

/** The definition of the hard sigmoid in use, in words (plain text); undefined for σ. */
export function sigmoidNote(activation: RecurrentActivation): string | undefined {
  switch (activation) {
    case 'sigmoid':
      return undefined;
    case 'hard_sigmoid_keras2':
      return 'σ_hard is the hard sigmoid of Keras 2 and TensorFlow.js: σ_hard(a) = clip(0.2·a + 0.5, 0, 1), a straight line between a = −2.5 and 2.5.';
    case 'hard_sigmoid_keras3':
      return 'σ_hard is the hard sigmoid of Keras 3: σ_hard(a) = clip(a/6 + 0.5, 0, 1), a straight line between a = −3 and 3.';
  }
}

const wrapAct = (act: string | null, inner: string) => (act ? `${act}(${inner})` : inner);

/** The symbolic LaTeX of a gate in a notation; `mark` wraps the input, recurrent and bias parts. */
export function gateSymbolic(form: GateForm, notation: Notation, mark: MarkRole): string {
  const n = names(form);
  const v = form.resetInside ? 'r_t \\odot h_{t-1}' : 'h_{t-1}';
  const inner =
    notation === 'pytorch'
      ? `${mark('input', `${n.Wi}\\, x_t`)} + ${mark('bias', n.bi)} + ${mark(
          'recurrent',
          form.resetInside ? `${n.Wh} (${v})` : `${n.Wh}\\, ${v}`,
        )} + ${mark('bias', n.bh)}`
      : `${n.W} \\cdot [\\,${mark('recurrent', v)},\\ ${mark('input', 'x_t')}\\,] + ${mark('bias', n.b)}`;
  return `${form.symbol}_t = ${wrapAct(form.act, inner)}`;
}

/**
 * The numeric line of a gate for unit j at step t, its numbers in the order of the
 * symbolic form: pytorch `act(input + b_ih + recurrent + b_hh) = act(pre) = value`,
 * concat `act(recurrent + input + b) = act(pre) = value` (b = b_ih + b_hh).
 * `value` is the trace's value after activation (for a_t, the pre-activation itself).
 */
export function gateNumeric(
  ctx: StepContext,
  form: GateForm,
  split: PreSplit,
  notation: Notation,
  value: number,
): NumericEquation {
  const n = names(form);
  const row = `row ${ctx.j + 1}`;
  const of = (part: string) => `${part} part of ${form.plain}_${ctx.t}`;
  const vPlain = form.resetInside ? `(r_${ctx.t} ⊙ ${ctx.hLabel})` : ctx.hLabel;
  const line = lineBuilder().tex(`${atStep(form.symbol, ctx.t, ctx.j)}`);
  if (form.act) line.tex(`${form.act}(`);
  const name = form.name;
  if (notation === 'pytorch') {
    line
      .num(term(split.input, 'x', 'input', `${n.plain.Wi} ${ctx.xLabel}, ${row}: ${of('input')}`))
      .tex(TEX.plus)
      .num(term(split.biasIh, name, 'bias', `${n.plain.bi}[${ctx.j + 1}]: bias`), true)
      .tex(TEX.plus)
      .num(
        term(
          split.recurrent,
          'h',
          'recurrent',
          `${n.plain.Wh} ${vPlain}, ${row}: ${of('recurrent')}`,
        ),
        true,
      )
      .tex(TEX.plus)
      .num(term(split.biasHh, name, 'bias', `${n.plain.bh}[${ctx.j + 1}]: bias`), true);
  } else {
    const W = `${n.plain.W} = [${n.plain.Wh} | ${n.plain.Wi}]`;
    line
      .num(
        term(
          split.recurrent,
          'h',
          'recurrent',
          `${W}, ${vPlain} columns, ${row}: ${of('recurrent')}`,
        ),
      )
      .tex(TEX.plus)
      .num(
        term(split.input, 'x', 'input', `${W}, ${ctx.xLabel} columns, ${row}: ${of('input')}`),
        true,
      )
      .tex(TEX.plus)
      .num(
        term(
          split.bias,
          name,
          'bias',
          `${n.plain.b}[${ctx.j + 1}] = ${n.plain.bi} + ${n.plain.bh}: bias`,
        ),
        true,
      );
  }
  const preLabel = `pre-activation of ${form.plain}_${ctx.t}[${ctx.j + 1}]`;
  if (form.act) {
    line
      .tex(')')
      .equals(`${form.act}(`)
      .num(term(split.pre, name, 'pre', preLabel))
      .tex(')')
      .equals()
      .num(term(value, name, 'result', `${form.plain}_${ctx.t}[${ctx.j + 1}]`));
  } else {
    line.equals().num(term(value, name, 'result', preLabel));
  }
  return { name, value, split, ...line.done() };
}
