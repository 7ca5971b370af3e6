import type { FullModelSpec } from '../types';
import { gruKernel } from './gru';
import type { CellKernel } from './kernel';
import { lstm } from './lstm';
import { rnnRelu, rnnTanh } from './rnn';

export type {
  CellKernel,
  Tape,
  LayerGrads,
  Adjoint,
  GradSink,
  GateRow,
  RecurrentInput,
} from './kernel';

/** The kernel that runs a spec's cell with its nonlinearity or convention. */
export function kernelFor(spec: FullModelSpec): CellKernel {
  switch (spec.cell) {
    case 'lstm':
      return lstm;
    case 'gru':
      return gruKernel(spec.convention);
    case 'rnn':
      return spec.nonlinearity === 'relu' ? rnnRelu : rnnTanh;
  }
}
