import { EngineInputError } from './errors';
import type { CellKernel } from './cells/kernel';
import { directionCount, normalizeSpec, stateSize } from './spec';
import type { FullModelSpec, Intervention, ModelSpec } from './types';

/**
 * Interventions ("what if f were 0 at step 25?") as the kernels apply them: each one is
 * checked against the model and the sequence, then compiled into {@link Clamp}s on the tape
 * of its layer and direction, in that tape's processing order. The kernels write a clamp's
 * value into a step's row right after computing it (forward), and zero the adjoint there
 * (backward): a clamped value is a constant, so nothing flows back through it.
 */

/** The tape buffer a clamp writes into: the gate blocks after activation, c, or h. */
export type ClampTarget = 'act' | 'c' | 'h';

/**
 * One intervention on one tape: entries offset … offset + count − 1 of the step row of
 * `target`, at the tape's steps first … last (processing order), are `value`.
 */
export interface Clamp {
  readonly target: ClampTarget;
  /** Gate block and unit: block·H + unit within an `act` row; the unit within a c or h row. */
  readonly offset: number;
  /** 1 for one unit, else the row's width. */
  readonly count: number;
  /** First and last step clamped, in the tape's processing order. */
  readonly first: number;
  readonly last: number;
  readonly value: number;
}

/** A tape's clamps, in the order the interventions were listed (the last one wins). */
export type TapeClamps = readonly Clamp[];

/** Interventions checked and compiled for one run. */
export interface CompiledInterventions {
  /** Validated, frozen copies in the caller's order, with `direction` filled in. */
  readonly list: readonly Intervention[];
  /** [L·D] in `h_n` order: each tape's clamps, or null for a tape no intervention touches. */
  readonly clamps: readonly (TapeClamps | null)[];
}

/** The values a clamped quantity may take, as an error message states them. */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
  readonly text: string;
}

const SIGMOID: ValueRange = { min: 0, max: 1, text: 'from 0 to 1 (a sigmoid gate)' };
const TANH: ValueRange = { min: -1, max: 1, text: 'from −1 to 1 (a tanh output)' };
const RELU: ValueRange = { min: 0, max: Infinity, text: 'a finite number ≥ 0 (a relu output)' };
const STATE: ValueRange = { min: -Infinity, max: Infinity, text: 'any finite number (a state)' };

/**
 * What each cell lets an intervention clamp (by trace name, in the cell's gate order), and
 * to which values: sigmoid gates [0, 1], tanh ones [−1, 1], states any finite number.
 */
export function clampable(
  spec: Pick<FullModelSpec, 'cell' | 'nonlinearity'>,
): Readonly<Record<string, ValueRange>> {
  switch (spec.cell) {
    case 'lstm':
      return { i: SIGMOID, f: SIGMOID, g: TANH, o: SIGMOID, c: STATE, h: STATE };
    case 'gru':
      return { r: SIGMOID, z: SIGMOID, n: TANH, h: STATE };
    case 'rnn':
      return { h: spec.nonlinearity === 'relu' ? RELU : TANH };
  }
}

/**
 * Checks `interventions` against `spec`, the kernel's quantities and T steps, and compiles
 * them per tape. Returns null for none (undefined, null or an empty list), so that a run
 * without interventions takes exactly the path it always took. Throws an
 * {@link EngineInputError} naming the intervention by its index and what is allowed.
 */
export function compileInterventions(
  spec: FullModelSpec,
  kernel: CellKernel,
  T: number,
  interventions: unknown,
  what: string,
): CompiledInterventions | null {
  if (interventions === undefined || interventions === null) return null;
  if (!Array.isArray(interventions)) {
    throw new EngineInputError(
      `${what}: interventions must be an array of { layer, direction?, gate, unit?, from, to, value }, got ${typeof interventions}.`,
    );
  }
  if (interventions.length === 0) return null;
  const D = directionCount(spec);
  const perTape: Clamp[][] = Array.from({ length: spec.numLayers * D }, () => []);
  const list = interventions.map((raw: unknown, n) => {
    const checked = checkIntervention(spec, T, raw, `${what}: interventions[${n}]`);
    const { layer, direction, gate, unit, from, to, value } = checked;
    const row = kernel.gateRows.find((r) => r.name === gate)!;
    const target = row.source as ClampTarget;
    const width = target === 'h' ? stateSize(spec) : spec.hiddenSize;
    const reverse = direction === 1;
    perTape[layer * D + direction]!.push({
      target,
      offset: (target === 'act' ? row.block * spec.hiddenSize : 0) + (unit ?? 0),
      count: unit === undefined ? width : 1,
      first: reverse ? T - 1 - to : from,
      last: reverse ? T - 1 - from : to,
      value,
    });
    return checked;
  });
  return Object.freeze({
    list: Object.freeze(list),
    clamps: Object.freeze(perTape.map((clamps) => (clamps.length > 0 ? clamps : null))),
  });
}

/**
 * Checks `interventions` against a model of `spec` run for T steps, exactly as `forward`
 * will (the page checks what a user asks for before it becomes part of the scene). Returns
 * the validated frozen copies; throws an {@link EngineInputError} naming the first refused
 * one by its index (`interventions[n]`) and what is allowed.
 */
export function checkInterventions(
  spec: ModelSpec,
  T: number,
  interventions: readonly unknown[],
): Intervention[] {
  const full = normalizeSpec(spec);
  return interventions.map((raw, n) => checkIntervention(full, T, raw, `interventions[${n}]`));
}

/** One intervention validated: a frozen copy with `direction` filled in. */
function checkIntervention(
  spec: FullModelSpec,
  T: number,
  raw: unknown,
  label: string,
): Intervention & { direction: 0 | 1 } {
  if (typeof raw !== 'object' || raw === null) {
    throw new EngineInputError(
      `${label} must be an object { layer, direction?, gate, unit?, from, to, value }, got ${String(raw)}.`,
    );
  }
  const { layer, direction = 0, gate, unit, from, to, value } = raw as Record<string, unknown>;
  const D = directionCount(spec);
  if (!isIntegerIn(layer, 0, spec.numLayers - 1)) {
    throw new EngineInputError(
      `${label}: layer must be an integer from 0 to ${spec.numLayers - 1}, got ${String(layer)}.`,
    );
  }
  if (direction !== 0 && !(direction === 1 && D === 2)) {
    const allowed =
      D === 2 ? '0 (forward) or 1 (reverse)' : '0 or omitted: the model is not bidirectional';
    throw new EngineInputError(`${label}: direction must be ${allowed}, got ${String(direction)}.`);
  }
  const ranges = clampable(spec);
  const range = typeof gate === 'string' && Object.hasOwn(ranges, gate) ? ranges[gate] : undefined;
  if (range === undefined) {
    throw new EngineInputError(
      `${label}: gate must be one of ${Object.keys(ranges).join(', ')} for ${cellLabel(spec)}, got ${JSON.stringify(gate) ?? String(gate)}.`,
    );
  }
  const width = gate === 'h' ? stateSize(spec) : spec.hiddenSize;
  if (unit !== undefined && !isIntegerIn(unit, 0, width - 1)) {
    throw new EngineInputError(
      `${label}: unit must be an integer from 0 to ${width - 1} (${String(gate)} has ${width} units), or omitted for every unit, got ${String(unit)}.`,
    );
  }
  if (!isIntegerIn(from, 0, T - 1) || !isIntegerIn(to, from as number, T - 1)) {
    const steps = T === 0 ? 'the sequence has no steps' : `0 ≤ from ≤ to ≤ ${T - 1}`;
    throw new EngineInputError(
      `${label}: from and to must be integer steps with ${steps}, got from ${String(from)}, to ${String(to)}.`,
    );
  }
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new EngineInputError(
      `${label}: value must be ${range.text} for ${String(gate)}, got ${String(value)}.`,
    );
  }
  return Object.freeze({
    layer: layer as number,
    direction: direction as 0 | 1,
    gate: gate as string,
    ...(unit === undefined ? {} : { unit: unit as number }),
    from: from as number,
    to: to as number,
    value,
  });
}

/** "an lstm", "a gru", "a relu rnn": the model, as a refusal names it. */
function cellLabel(spec: FullModelSpec): string {
  if (spec.cell === 'rnn') return `a ${spec.nonlinearity} rnn`;
  return spec.cell === 'lstm' ? 'an lstm' : 'a gru';
}

function isIntegerIn(x: unknown, min: number, max: number): x is number {
  return Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
}

/**
 * Forward: writes the value of every clamp on `target` active at step s into the step row
 * of `row` that starts at `start`, replacing what the step computed.
 */
export function clampRow(
  clamps: TapeClamps,
  target: ClampTarget,
  s: number,
  row: Float64Array,
  start: number,
): void {
  fillActive(clamps, target, s, row, start, false);
}

/**
 * Backward: zeroes the adjoint of every value clamped on `target` at step s, in the row of
 * `adjoint` that starts at `start` (laid out like the forward row): a clamped value is a
 * constant, so nothing flows on to what computed it.
 */
export function cutRow(
  clamps: TapeClamps,
  target: ClampTarget,
  s: number,
  adjoint: Float64Array,
  start: number,
): void {
  fillActive(clamps, target, s, adjoint, start, true);
}

function fillActive(
  clamps: TapeClamps,
  target: ClampTarget,
  s: number,
  row: Float64Array,
  start: number,
  zero: boolean,
): void {
  for (const clamp of clamps) {
    if (clamp.target !== target || s < clamp.first || s > clamp.last) continue;
    const from = start + clamp.offset;
    row.fill(zero ? 0 : clamp.value, from, from + clamp.count);
  }
}
