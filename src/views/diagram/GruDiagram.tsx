import type { GruConvention, LayerParams } from '../../engine';
import { useDiagram } from './context';
import { DiagramSvg } from './DiagramSvg';
import { formatValue } from '../../format/value';
import { GateBox } from './GateBox';
import { candidateRecurrent } from './gruParts';
import { gruChain, gruWires } from './gruWires';
import { conventionTitle, type LabelMap } from './labels';
import { LinearBox } from './LinearBox';
import { GRU as G } from './layout';
import { PointwiseNode } from './PointwiseNode';
import { PortLabel } from './PortLabel';
import { at, type StepValues } from './stepValues';
import { SvgRich } from './SvgRich';
import { Wire } from './Wire';

/** Props of {@link GruDiagram}. */
export interface GruDiagramProps {
  /** The step's numbers (rows r z n h, h_{t−1}, x_t). */
  values: StepValues;
  /** Names of r z n h under the running convention. */
  labels: LabelMap;
  /** Which equations run: where r acts and which side z weights. */
  convention: GruConvention;
  /** This layer's parameters, for the reset-gated term's value; omitted, that note is left out. */
  params?: LayerParams;
  /** Accessible name of the SVG. */
  name: string;
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
export function GruDiagram({ values, labels, convention, params, name }: GruDiagramProps) {
  const { unit } = useDiagram();
  const { rows } = values;
  const [r, z, n, h] = [at(rows.r, unit), at(rows.z, unit), at(rows.n, unit), at(rows.h, unit)];
  const hPrev = at(values.prevH, unit);
  const pytorch = convention === 'pytorch';
  const { mulY, linY, oneMinus } = gruChain(convention);
  const candidate = labels.n?.symbol ?? 'n';
  const keep = pytorch ? z : 1 - z;
  const take = pytorch ? 1 - z : z;
  const recurrent = params
    ? candidateRecurrent(params, rows.r ?? [], values.prevH, unit, convention)
    : undefined;
  const rMul = pytorch ? (recurrent === undefined ? undefined : r * recurrent) : r * hPrev;
  const wires = gruWires({ r, z, n, h, hPrev, keep, take, rMul, recurrent }, convention);
  return (
    <DiagramSvg name={name} cell="gru" width={G.width} height={G.height}>
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
        note={`${pytorch ? 'z' : '(1−z)'}⊙h_{t−1} = ${formatValue(keep * hPrev)}`}
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
        note={`${pytorch ? '(1−z)' : 'z'}⊙${candidate} = ${formatValue(take * n)}`}
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
          rMul === undefined
            ? undefined
            : `${pytorch ? 'r⊙(…)' : 'r⊙h_{t−1}'} = ${formatValue(rMul)}`
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
            values={rows[k] ?? []}
            stage={k === 'n' ? 2 : 1}
          />
        );
      })}
      <PortLabel x={8} y={G.hY - 26} label="h_{t−1}" value={formatValue(hPrev)} name="h" />
      <PortLabel
        x={G.hRiser - 10}
        y={16}
        label="h_{t}"
        value={formatValue(h)}
        anchor="end"
        name="h"
        stage={3}
      />
      <PortLabel
        x={G.width - 8}
        y={G.hY + 24}
        label="h_{t}"
        value={formatValue(h)}
        anchor="end"
        name="h"
        stage={3}
      />
      <PortLabel x={G.xRise + 10} y={G.height - 22} label={`x_{t} = ${values.xLabel}`} name="x" />
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
}
