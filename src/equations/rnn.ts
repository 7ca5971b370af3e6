import type { Nonlinearity } from '../engine';
import { linearSplit, type StepContext } from './context';
import { atStep, lineBuilder, term } from './format';
import { gateNumeric, gateSymbolic, type GateForm } from './gate';
import type { MarkRole, Notation, NumericEquation, SymbolicEquation } from './types';

/** a_t, the pre-activation: the trace calls it `pre`; PyTorch names W_ih, W_hh, b_ih, b_hh. */
const A: GateForm = { name: 'pre', symbol: 'a', plain: 'a', act: null, sub: '', concatSub: '' };

/** The activation's LaTeX: `\tanh` or `\operatorname{relu}`. */
function activation(nonlinearity: Nonlinearity): string {
  return nonlinearity === 'relu' ? '\\operatorname{relu}' : '\\tanh';
}

/**
 * Vanilla RNN equations, symbolically:
 *   a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh   (concat: W·[h_{t−1}, x_t] + b)
 *   h_t = tanh(a_t)   or   relu(a_t) = max(0, a_t)
 */
export function rnnSymbolic(
  nonlinearity: Nonlinearity,
  notation: Notation,
  mark: MarkRole,
): SymbolicEquation[] {
  const h =
    nonlinearity === 'relu'
      ? 'h_t = \\operatorname{relu}(a_t) = \\max(0, a_t)'
      : 'h_t = \\tanh(a_t)';
  return [
    { name: 'pre', latex: gateSymbolic(A, notation, mark) },
    { name: 'h', latex: h },
  ];
}

/** RNN equations with the numbers of unit j at step t. */
export function rnnNumeric(
  ctx: StepContext,
  nonlinearity: Nonlinearity,
  notation: Notation,
): NumericEquation[] {
  const { t, j } = ctx;
  const a = gateNumeric(ctx, A, linearSplit(ctx, 0, 'pre'), notation, ctx.pre('pre'));
  const aTerm = term(ctx.pre('pre'), 'pre', 'operand', `a_${t}[${j + 1}]: pre-activation`);
  const hValue = ctx.gate('h');
  const line = lineBuilder()
    .tex(`${atStep('h', t, j)}${activation(nonlinearity)}(`)
    .num(aTerm);
  if (nonlinearity === 'relu') line.tex(')').equals('\\max(0, ').num(aTerm).tex(')');
  else line.tex(')');
  line.equals().num(term(hValue, 'h', 'result', `h_${t}[${j + 1}]`));
  return [a, { name: 'h', value: hValue, ...line.done() }];
}
