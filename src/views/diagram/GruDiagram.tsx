import { memo, useMemo } from 'react';
import type { GruConvention, LayerParams } from '../../engine';
import { useDiagram } from './context';
import { DiagramSvg } from './DiagramSvg';
import { GateBox } from './GateBox';
import { gruChain, gruNumbers, gruWires } from './gruWires';
import { conventionTitle, type LabelMap } from './labels';
import { LinearBox } from './LinearBox';
import { GRU as G } from './layout';
import { PointwiseNode } from './PointwiseNode';
import { PortLabel } from './PortLabel';
import { perStep } from './stepBus';
import type { InputPortLabel } from './stepValues';
import { SvgRich } from './SvgRich';
import { bindWires, Wire } from './Wire';

/** Props of {@link GruDiagram}. */
export interface GruDiagramProps {
  /** Names of r z n h under the running convention. */
  labels: LabelMap;
  /** Which equations run: where r acts and which side z weights. */
  convention: GruConvention;
  /** This layer's parameters, for the reset-gated term's value; omitted, that note is left out. */
  params?: LayerParams;
  /** Units in the layer drawn. */
  H: number;
  /** How the x_t port is labelled. */
  input: InputPortLabel;
}

/** Animation stages: inputs, r and z, candidate, mix into h_t. */
export const GRU_STAGES = 4;

/** Junction dots where a wire branches or joins a bus. */
const DOTS: readonly (readonly [number, number])[] = [
  [G.hDrop, G.hY],
  [G.gate.z, G.hBusY],
  [G.gate.r, G.hBusY],
  [G.chainX, G.hBusY],
  [G.gate.z, G.xBusY],
  [G.gate.r, G.xBusY],
  [G.gate.z, G.branchY],
  [G.hRiser, G.hY],
];

/**
 * The GRU cell drawn for its convention. `pytorch`: h_{t−1} → W_hn → × r → candidate n,
 * and h_t = (1−z)⊙n + z⊙h_{t−1}. `classic`: h_{t−1} → × r → W_hn → candidate h̃, and
 * h_t = (1−z)⊙h_{t−1} + z⊙h̃. Both differences are visible in the wiring, and the
 * convention is written under the cell.
 */
export const GruDiagram = memo(function GruDiagram({
  labels,
  convention,
  params,
  H,
  input,
}: GruDiagramProps) {
  const { unit } = useDiagram();
  const numbers = useMemo(
    () => perStep((values) => gruNumbers(values, unit, convention, params)),
    [unit, convention, params],
  );
  const wires = useMemo(
    () => bindWires(gruWires(convention, params !== undefined), numbers),
    [convention, params, numbers],
  );
  const pytorch = convention === 'pytorch';
  const { mulY, linY, oneMinus } = gruChain(convention);
  const candidate = labels.n?.symbol ?? 'n';
  const rMulKnown = !pytorch || params !== undefined;
  return (
    <DiagramSvg cell="gru" width={G.width} height={G.height}>
      <rect className="cd-body" rx={18} {...G.body} />
      <text className="cd-caption" x={G.body.x + 14} y={G.hBusY - 8}>
        <SvgRich label="h_{t−1}" />
      </text>
      {wires.map(({ key, ...wire }) => (
        <Wire key={key} id={key} {...wire} />
      ))}
      {DOTS.map(([x, y]) => (
        <circle key={`${x},${y}`} className="cd-dot" cx={x} cy={y} r={3.5} />
      ))}
      <PointwiseNode
        x={G.gate.z}
        y={G.hY}
        op="×"
        stage={3}
        id="keep-mul"
        noteSide="belowRight"
        note={{
          label: `${pytorch ? 'z' : '(1−z)'}⊙h_{t−1}`,
          value: (v) => numbers(v).keep * numbers(v).hPrev,
        }}
      />
      <PointwiseNode
        x={oneMinus.x}
        y={oneMinus.y}
        op="1−"
        stage={1}
        id={pytorch ? 'one-minus-on-branch' : 'one-minus-on-state'}
      />
      <PointwiseNode
        x={G.mix.x}
        y={G.branchY}
        op="×"
        stage={3}
        id="take-mul"
        noteSide="aboveLeft"
        note={{
          label: `${pytorch ? '(1−z)' : 'z'}⊙${candidate}`,
          value: (v) => numbers(v).take * numbers(v).n,
        }}
      />
      <PointwiseNode x={G.mix.x} y={G.hY} op="+" name="h" stage={3} id="h-add" />
      <PointwiseNode
        x={G.chainX}
        y={mulY}
        op="×"
        stage={2}
        id="r-mul"
        noteSide={pytorch ? 'above' : 'right'}
        note={
          rMulKnown
            ? {
                label: pytorch ? 'r⊙(…)' : 'r⊙h_{t−1}',
                value: (v) => numbers(v).rMul ?? Number.NaN,
              }
            : undefined
        }
      />
      <LinearBox cx={G.chainX} cy={linY} label="W_{hn}(·) + b_{hn}" stage={2} id="matrix" />
      {(['z', 'r', 'n'] as const).map((k) => {
        const label = labels[k];
        if (!label) return null;
        return (
          <GateBox
            key={k}
            label={label}
            cx={G.gate[k]}
            top={G.gateTop}
            H={H}
            stage={k === 'n' ? 2 : 1}
          />
        );
      })}
      <PortLabel x={8} y={G.hY - 26} label="h_{t−1}" value={(v) => numbers(v).hPrev} name="h" />
      <PortLabel
        x={G.hRiser - 10}
        y={16}
        label="h_{t}"
        value={(v) => numbers(v).h}
        anchor="end"
        name="h"
        stage={3}
      />
      <PortLabel
        x={G.width - 8}
        y={G.hY + 24}
        label="h_{t}"
        value={(v) => numbers(v).h}
        anchor="end"
        name="h"
        stage={3}
      />
      <PortLabel
        x={G.xRise + 10}
        y={G.height - 22}
        label={input.label}
        labelTail={input.tail}
        name="x"
      />
      <g className="cd-convention" data-convention={convention} textAnchor="end">
        <text className="cd-convention-title" x={G.width - 8} y={G.height - 26}>
          {conventionTitle(convention)}
        </text>
        <text className="cd-convention-eq" x={G.width - 8} y={G.height - 8}>
          <SvgRich
            label={pytorch ? 'h_{t} = (1−z)⊙n + z⊙h_{t−1}' : 'h_{t} = (1−z)⊙h_{t−1} + z⊙h̃'}
          />
        </text>
      </g>
    </DiagramSvg>
  );
});
