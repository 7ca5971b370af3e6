import type { StepContext } from './context';
import { linearSplit } from './context';
import { atStep, lineBuilder, term, TEX } from './format';
import { gateNumeric, gateSymbolic, type GateForm } from './gate';
import type { MarkRole, Notation, NumericEquation, SymbolicEquation } from './types';

/** The four gates in PyTorch's row-block order i, f, g, o. */
const GATES: readonly GateForm[] = [
  { name: 'i', symbol: 'i', plain: 'i', act: '\\sigma', sub: 'i', concatSub: 'i' },
  { name: 'f', symbol: 'f', plain: 'f', act: '\\sigma', sub: 'f', concatSub: 'f' },
  { name: 'g', symbol: 'g', plain: 'g', act: '\\tanh', sub: 'g', concatSub: 'g' },
  { name: 'o', symbol: 'o', plain: 'o', act: '\\sigma', sub: 'o', concatSub: 'o' },
];

/**
 * LSTM equations, symbolically:
 *   i_t, f_t, o_t = σ(…), g_t = tanh(…)   (g_t is the notes' candidate C̃_t)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 */
export function lstmSymbolic(notation: Notation, mark: MarkRole): SymbolicEquation[] {
  return [
    ...GATES.map((g) => ({ name: g.name, latex: gateSymbolic(g, notation, mark) })),
    { name: 'c', latex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t' },
    { name: 'h', latex: 'h_t = o_t \\odot \\tanh(c_t)' },
  ];
}

/** LSTM equations with the numbers of unit j at step t. */
export function lstmNumeric(ctx: StepContext, notation: Notation): NumericEquation[] {
  const { t, j } = ctx;
  const gates = GATES.map((g, block) =>
    gateNumeric(ctx, g, linearSplit(ctx, block, g.name), notation, ctx.gate(g.name)),
  );
  const at = (name: string, step = t) => `${name}_${step}[${j + 1}]`;
  const i = term(ctx.gate('i'), 'i', 'operand', at('i'));
  const f = term(ctx.gate('f'), 'f', 'operand', at('f'));
  const g = term(ctx.gate('g'), 'g', 'operand', at('g'));
  const o = term(ctx.gate('o'), 'o', 'operand', at('o'));
  const cPrevValue = ctx.prev > 0 ? ctx.gate('c', ctx.prev) : 0;
  const cPrevLabel =
    ctx.prev > 0 ? at('c', ctx.prev) : `c_${ctx.zeroStep}[${j + 1}] ${ctx.zeroNote}`;
  const cValue = ctx.gate('c');
  const c = lineBuilder()
    .tex(`${atStep('c', t, j)}`)
    .num(f)
    .tex(TEX.times)
    .num(term(cPrevValue, 'c', 'operand', cPrevLabel), true)
    .tex(TEX.plus)
    .num(i)
    .tex(TEX.times)
    .num(g, true)
    .equals()
    .num(term(cValue, 'c', 'result', at('c')))
    .done();
  const tanhC = Math.tanh(cValue);
  const hValue = ctx.gate('h');
  const h = lineBuilder()
    .tex(`${atStep('h', t, j)}`)
    .num(o)
    .tex(`${TEX.times}\\tanh(`)
    .num(term(cValue, 'c', 'operand', at('c')))
    .tex(')')
    .equals()
    .num(o)
    .tex(TEX.times)
    .num(term(tanhC, 'c', 'activation', `tanh(${at('c')})`), true)
    .equals()
    .num(term(hValue, 'h', 'result', at('h')))
    .done();
  return [...gates, { name: 'c', value: cValue, ...c }, { name: 'h', value: hValue, ...h }];
}
