import type { FullModelSpec } from '../engine';
import type { StepContext } from './context';
import { linearSplit } from './context';
import { atStep, lineBuilder, term, TEX } from './format';
import { gateNumeric, gateSymbolic, sigmoidNote, sigmoidTex, type GateForm } from './gate';
import type { MarkRole, Notation, NumericEquation, SymbolicEquation } from './types';

/** The four gates in PyTorch's row-block order i, f, g, o; `sigma` is the gates' σ in LaTeX. */
function gateForms(sigma: string): readonly GateForm[] {
  return [
    { name: 'i', symbol: 'i', plain: 'i', act: sigma, sub: 'i', concatSub: 'i' },
    { name: 'f', symbol: 'f', plain: 'f', act: sigma, sub: 'f', concatSub: 'f' },
    { name: 'g', symbol: 'g', plain: 'g', act: '\\tanh', sub: 'g', concatSub: 'g' },
    { name: 'o', symbol: 'o', plain: 'o', act: sigma, sub: 'o', concatSub: 'o' },
  ];
}

/** What changes how an LSTM is written: its gates' sigmoid and its projection size (0: none). */
export type LstmForm = Pick<FullModelSpec, 'recurrentActivation' | 'projSize'>;

/**
 * LSTM equations, symbolically:
 *   i_t, f_t, o_t = σ(…), g_t = tanh(…)   (g_t is the notes' candidate C̃_t)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *   h_t = o_t ⊙ tanh(c_t)
 * With a projection (PyTorch's proj_size P): m_t = o_t ⊙ tanh(c_t), h_t = W_hr m_t. A hard
 * sigmoid is written σ_hard, its definition a note under i_t.
 */
export function lstmSymbolic(
  notation: Notation,
  mark: MarkRole,
  form: LstmForm = { recurrentActivation: 'sigmoid', projSize: 0 },
): SymbolicEquation[] {
  const note = sigmoidNote(form.recurrentActivation);
  const gates = gateForms(sigmoidTex(form.recurrentActivation)).map((g) => ({
    name: g.name,
    latex: gateSymbolic(g, notation, mark),
    ...(note && g.name === 'i' ? { note } : {}),
  }));
  const c = { name: 'c', latex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t' };
  if (form.projSize > 0) {
    return [
      ...gates,
      c,
      { name: 'm', latex: 'm_t = o_t \\odot \\tanh(c_t)' },
      {
        name: 'h',
        latex: 'h_t = W_{hr}\\, m_t',
        note: `The projection: h_t has ${form.projSize} entries, one per row of W_hr, each a weighted sum of all the cells' m_t; the gates read this h_{t−1}.`,
      },
    ];
  }
  return [...gates, c, { name: 'h', latex: 'h_t = o_t \\odot \\tanh(c_t)' }];
}

/** LSTM equations with the numbers of unit j at step t. */
export function lstmNumeric(
  ctx: StepContext,
  notation: Notation,
  form: LstmForm = { recurrentActivation: 'sigmoid', projSize: 0 },
): NumericEquation[] {
  const { t, j } = ctx;
  const gates = gateForms(sigmoidTex(form.recurrentActivation)).map((g, block) =>
    gateNumeric(ctx, g, linearSplit(ctx, block, g.name), notation, ctx.gate(g.name)),
  );
  const at = (name: string, step = t) => `${name}_${step}[${j + 1}]`;
  const i = term(ctx.gate('i'), 'i', 'operand', at('i'));
  const f = term(ctx.gate('f'), 'f', 'operand', at('f'));
  const g = term(ctx.gate('g'), 'g', 'operand', at('g'));
  const o = term(ctx.gate('o'), 'o', 'operand', at('o'));
  const cPrevValue = ctx.prevStep === null ? 0 : ctx.gate('c', ctx.prevStep);
  const cValue = ctx.gate('c');
  const c = lineBuilder()
    .tex(`${atStep('c', t, j)}`)
    .num(f)
    .tex(TEX.times)
    .num(term(cPrevValue, 'c', 'operand', ctx.prevLabel('c')), true)
    .tex(TEX.plus)
    .num(i)
    .tex(TEX.times)
    .num(g, true)
    .equals()
    .num(term(cValue, 'c', 'result', at('c')))
    .done();
  // Without a projection this is h_t itself; with one, m_t, which W_hr then projects.
  const out = form.projSize > 0 ? 'm' : 'h';
  const outValue = ctx.gate(out);
  const tanhC = Math.tanh(cValue);
  const outLine = lineBuilder()
    .tex(`${atStep(out, t, j)}`)
    .num(o)
    .tex(`${TEX.times}\\tanh(`)
    .num(term(cValue, 'c', 'operand', at('c')))
    .tex(')')
    .equals()
    .num(o)
    .tex(TEX.times)
    .num(term(tanhC, 'c', 'activation', `tanh(${at('c')})`), true)
    .equals()
    .num(term(outValue, out, 'result', at(out)))
    .done();
  const equations = [...gates, { name: 'c', value: cValue, ...c }];
  equations.push({ name: out, value: outValue, ...outLine });
  if (form.projSize > 0) equations.push(projection(ctx, form.projSize));
  return equations;
}

/**
 * h_t[j] = (W_hr m_t)[j]: row j of the projection times every cell's m_t, when unit j is
 * one of the P entries of h; otherwise a line saying that h_t has only P entries.
 */
function projection(ctx: StepContext, P: number): NumericEquation {
  const { t, j } = ctx;
  if (j >= P) {
    const line = lineBuilder()
      .tex(`h_{${t}} = W_{hr}\\, m_{${t}}\\ \\text{has ${P} entries; pick a unit} \\le ${P}`)
      .done();
    return { name: 'h', value: NaN, ...line };
  }
  const value = ctx.gate('h');
  const label = `h_${t}[${j + 1}]: row ${j + 1} of W_hr times m_${t}, a sum over all ${ctx.H} cells`;
  const line = lineBuilder()
    .tex(`${atStep('h', t, j)}(W_{hr}\\, m_{${t}})_{${j + 1}}`)
    .equals()
    .num(term(value, 'h', 'result', label))
    .done();
  return { name: 'h', value, ...line };
}
