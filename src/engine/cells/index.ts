import type { FullModelSpec } from '../types';
import { gruKernel } from './gru';
import type { CellKernel } from './kernel';
import { LSTM_KERNELS } from './lstm';
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

/** The kernel of a spec's cell, with its nonlinearity, convention and recurrent activation. */
export function kernelFor(spec: FullModelSpec): CellKernel {
  switch (spec.cell) {
    case 'lstm':
      return LSTM_KERNELS[spec.recurrentActivation];
    case 'gru':
      return gruKernel(spec.convention, spec.recurrentActivation);
    case 'rnn':
      return spec.nonlinearity === 'relu' ? rnnRelu : rnnTanh;
  }
}
