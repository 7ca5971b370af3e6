import type { Nonlinearity } from '../../engine';
import { useDiagram } from './context';
import { DiagramSvg } from './DiagramSvg';
import { formatValue } from '../../format/value';
import { GateBox } from './GateBox';
import type { LabelMap } from './labels';
import { BOX, pts, RNN as R } from './layout';
import { PortLabel } from './PortLabel';
import { at, type StepValues } from './stepValues';
import { SvgRich } from './SvgRich';
import { Wire, type WireSpec } from './Wire';

/** Props of {@link RnnDiagram}. */
export interface RnnDiagramProps {
  /** The step's numbers (rows pre h, h_{t−1}, x_t). */
  values: StepValues;
  /** Names of pre and h. */
  labels: LabelMap;
  /** The activation on the loop. */
  nonlinearity: Nonlinearity;
  /** Accessible name of the SVG. */
  name: string;
}

/** Animation stages: inputs, pre-activation, activation and the loop. */
export const RNN_STAGES = 3;

/**
 * The vanilla RNN: h_{t−1} (fed back by the loop) and x_t are summed into a_t, one
 * tanh or relu gives h_t, which leaves right and returns round the loop as the next
 * step's h_{t−1}.
 */
export function RnnDiagram({ values, labels, nonlinearity, name }: RnnDiagramProps) {
  const { unit } = useDiagram();
  const pre = at(values.rows.pre, unit);
  const h = at(values.rows.h, unit);
  const hPrev = at(values.prevH, unit);
  const { gate, lineY, loopY, loopLeft, loopRight } = R;
  const half = BOX.width / 2;
  const wires: WireSpec[] = [
    {
      key: 'h-prev',
      points: pts(loopLeft, lineY, R.xRise, lineY),
      value: hPrev,
      stage: 0,
      arrow: false,
    },
    { key: 'x', points: pts(R.xRise, R.height, R.xRise, lineY), stage: 0, arrow: false },
    { key: 'concat', points: pts(R.xRise, lineY, gate.pre - half, lineY), stage: 0 },
    { key: 'pre', points: pts(gate.pre + half, lineY, gate.h - half, lineY), value: pre, stage: 1 },
    { key: 'h', points: pts(gate.h + half, lineY, R.width, lineY), value: h, stage: 2 },
    {
      key: 'loop',
      points: pts(loopRight, lineY, loopRight, loopY, loopLeft, loopY, loopLeft, lineY),
      value: h,
      stage: 2,
      dashed: true,
      arrow: false,
    },
  ];
  const { pre: preLabel, h: hLabel } = labels;
  return (
    <DiagramSvg name={name} cell="rnn" width={R.width} height={R.height}>
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
      {preLabel && (
        <GateBox
          label={preLabel}
          cx={gate.pre}
          top={R.gateTop}
          values={values.rows.pre ?? []}
          stage={1}
        />
      )}
      {hLabel && (
        <GateBox
          label={hLabel}
          cx={gate.h}
          top={R.gateTop}
          values={values.rows.h ?? []}
          stage={2}
        />
      )}
      <PortLabel
        x={loopLeft + 10}
        y={lineY - 30}
        label="h_{t−1}"
        value={formatValue(hPrev)}
        name="h"
      />
      <PortLabel
        x={R.width - 8}
        y={lineY + 24}
        label="h_{t}"
        value={formatValue(h)}
        anchor="end"
        name="h"
        stage={2}
      />
      <PortLabel x={R.xRise + 10} y={R.height - 22} label={`x_{t} = ${values.xLabel}`} name="x" />
    </DiagramSvg>
  );
}
