import { memo, useMemo } from 'react';
import type { Nonlinearity } from '../../engine';
import { useDiagram } from './context';
import { DiagramSvg } from './DiagramSvg';
import { GateBox } from './GateBox';
import type { LabelMap } from './labels';
import { BOX, pts, RNN as R } from './layout';
import { PortLabel } from './PortLabel';
import { perStep } from './stepBus';
import { at, type InputPortLabel, type StepValues } from './stepValues';
import { SvgRich } from './SvgRich';
import { bindWires, Wire, type WireSpec } from './Wire';

/** Props of {@link RnnDiagram}. */
export interface RnnDiagramProps {
  /** Names of pre and h. */
  labels: LabelMap;
  /** The activation on the loop. */
  nonlinearity: Nonlinearity;
  /** Units in the layer drawn. */
  H: number;
  /** How the x_t port is labelled. */
  input: InputPortLabel;
}

/** The RNN's numbers at a step for one unit. */
interface RnnNumbers {
  readonly pre: number;
  readonly h: number;
  /** h_{t−1}. */
  readonly hPrev: number;
}

/** The RNN's numbers at a step for unit j. */
function rnnNumbers(values: StepValues, j: number): RnnNumbers {
  return { pre: at(values.rows.pre, j), h: at(values.rows.h, j), hPrev: at(values.prevH, j) };
}

/** Animation stages: inputs, pre-activation, activation and the loop. */
export const RNN_STAGES = 3;

/** The RNN's wires, with the value each carries and the stage it flows at. */
const WIRES: WireSpec<RnnNumbers>[] = (() => {
  const { gate, lineY, loopY, loopLeft, loopRight } = R;
  const half = BOX.width / 2;
  return [
    {
      key: 'h-prev',
      points: pts(loopLeft, lineY, R.xRise, lineY),
      value: (n) => n.hPrev,
      stage: 0,
      arrow: false,
    },
    { key: 'x', points: pts(R.xRise, R.height, R.xRise, lineY), stage: 0, arrow: false },
    { key: 'concat', points: pts(R.xRise, lineY, gate.pre - half, lineY), stage: 0 },
    {
      key: 'pre',
      points: pts(gate.pre + half, lineY, gate.h - half, lineY),
      value: (n) => n.pre,
      stage: 1,
    },
    { key: 'h', points: pts(gate.h + half, lineY, R.width, lineY), value: (n) => n.h, stage: 2 },
    {
      key: 'loop',
      points: pts(loopRight, lineY, loopRight, loopY, loopLeft, loopY, loopLeft, lineY),
      value: (n) => n.h,
      stage: 2,
      dashed: true,
      arrow: false,
    },
  ];
})();

/**
 * The vanilla RNN: h_{t−1} (fed back by the loop) and x_t are summed into a_t, one
 * tanh or relu gives h_t, which leaves right and returns round the loop as the next
 * step's h_{t−1}.
 */
export const RnnDiagram = memo(function RnnDiagram({
  labels,
  nonlinearity,
  H,
  input,
}: RnnDiagramProps) {
  const { unit } = useDiagram();
  const numbers = useMemo(() => perStep((values) => rnnNumbers(values, unit)), [unit]);
  const wires = useMemo(() => bindWires(WIRES, numbers), [numbers]);
  const { pre: preLabel, h: hLabel } = labels;
  const { gate, lineY, loopY, loopLeft, loopRight } = R;
  return (
    <DiagramSvg cell="rnn" width={R.width} height={R.height}>
      <desc>{`Activation: ${nonlinearity}`}</desc>
      <rect className="cd-body" rx={18} {...R.body} />
      {wires.map(({ key, ...wire }) => (
        <Wire key={key} id={key} {...wire} />
      ))}
      <circle className="cd-dot" cx={R.xRise} cy={lineY} r={3.5} />
      <circle className="cd-dot" cx={loopRight} cy={lineY} r={3.5} />
      <text
        className="cd-caption cd-loop-label"
        x={(loopLeft + loopRight) / 2}
        y={loopY - 10}
        textAnchor="middle"
      >
        <SvgRich label="the loop: h_{t} comes back as the next step’s h_{t−1}" />
      </text>
      {preLabel && <GateBox label={preLabel} cx={gate.pre} top={R.gateTop} H={H} stage={1} />}
      {hLabel && <GateBox label={hLabel} cx={gate.h} top={R.gateTop} H={H} stage={2} />}
      <PortLabel
        x={loopLeft + 10}
        y={lineY - 30}
        label="h_{t−1}"
        value={(v) => numbers(v).hPrev}
        name="h"
      />
      <PortLabel
        x={R.width - 8}
        y={lineY + 24}
        label="h_{t}"
        value={(v) => numbers(v).h}
        anchor="end"
        name="h"
        stage={2}
      />
      <PortLabel
        x={R.xRise + 10}
        y={R.height - 22}
        label={input.label}
        labelTail={input.tail}
        name="x"
      />
    </DiagramSvg>
  );
});
