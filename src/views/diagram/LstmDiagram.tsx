import { memo, useMemo } from 'react';
import type { GateNaming } from '../../scene';
import { useDiagram } from './context';
import { DiagramSvg } from './DiagramSvg';
import { GateBox } from './GateBox';
import { GroupFrame } from './GroupFrame';
import type { LabelMap } from './labels';
import { BOX, LSTM as L } from './layout';
import { lstmNumbers, lstmWires } from './lstmWires';
import { PointwiseNode } from './PointwiseNode';
import { PortLabel } from './PortLabel';
import { perStep } from './stepBus';
import type { InputPortLabel } from './stepValues';
import { SvgRich } from './SvgRich';
import { bindWires, Wire } from './Wire';

/** Props of {@link LstmDiagram}. */
export interface LstmDiagramProps {
  /** Names of i f g o c h under the current naming. */
  labels: LabelMap;
  /** `lfru` adds the learn / remember / use gate frames. */
  naming: GateNaming;
  /** Units in the layer drawn. */
  H: number;
  /** How the x_t port is labelled. */
  input: InputPortLabel;
}

const WIRES = lstmWires();

/** Animation stages: inputs, gates, cell state, output. */
export const LSTM_STAGES = 4;

const GATE_BOTTOM = L.gateTop + BOX.height;

/**
 * The LSTM cell, colah-style: the cell state c runs along the top (× f, + i⊙g), the four
 * gate boxes f i g o sit below and read the [h_{t−1}, x_t] bus, and h_t = o ⊙ tanh(c_t)
 * leaves right and up. With the learn / forget / remember / use naming, dashed frames
 * group the parts each of those gates is made of. The numbers are written on each step
 * (see StepBus); React draws this once per layer, unit and naming.
 */
export const LstmDiagram = memo(function LstmDiagram({
  labels,
  naming,
  H,
  input,
}: LstmDiagramProps) {
  const { unit } = useDiagram();
  const numbers = useMemo(() => perStep((values) => lstmNumbers(values, unit)), [unit]);
  const wires = useMemo(() => bindWires(WIRES, numbers), [numbers]);
  const { gate, cY, busY, ig, tanh, out, hRiser } = L;
  const lfru = naming === 'lfru';
  return (
    <DiagramSvg cell="lstm" width={L.width} height={L.height}>
      <rect className="cd-body" rx={18} {...L.body} />
      <text className="cd-caption" x={ig.x + 40} y={cY - 10}>
        {lfru ? 'long-term memory' : 'cell state: long-term memory'}
      </text>
      <text className="cd-caption" x={L.xJoin + 12} y={busY + 22}>
        <SvgRich
          label={
            lfru
              ? 'short-term memory + event'
              : 'hidden state h_{t−1} (short-term memory) + input x_{t}'
          }
        />
      </text>
      {lfru && (
        <>
          <GroupFrame
            x={gate.f - 26}
            y={cY - 28}
            width={ig.x - gate.f + 52}
            height={76}
            label="remember gate"
          />
          <GroupFrame
            x={gate.i - 56}
            y={ig.y - 22}
            width={gate.g - gate.i + 112}
            height={GATE_BOTTOM - ig.y + 30}
            label="learn gate"
          />
          <GroupFrame
            x={gate.o - 56}
            y={tanh.y - 30}
            width={hRiser - gate.o + 40}
            height={GATE_BOTTOM - tanh.y + 38}
            label="use gate"
          />
        </>
      )}
      {wires.map(({ key, ...wire }) => (
        <Wire key={key} id={key} {...wire} />
      ))}
      {[gate.f, gate.i, gate.g, gate.o, L.xJoin].map((x) => (
        <circle key={x} className="cd-dot" cx={x} cy={busY} r={3.5} />
      ))}
      <circle className="cd-dot" cx={tanh.x} cy={cY} r={3.5} />
      <circle className="cd-dot" cx={hRiser} cy={out.y} r={3.5} />
      <PointwiseNode
        x={gate.f}
        y={cY}
        op="×"
        stage={2}
        id="f-mul"
        note={{ label: 'f⊙c_{t−1}', value: (v) => numbers(v).f * numbers(v).cPrev }}
        noteSide="belowRight"
      />
      <PointwiseNode x={ig.x} y={cY} op="+" name="c" stage={2} id="c-add" />
      <PointwiseNode
        x={ig.x}
        y={ig.y}
        op="×"
        stage={2}
        id="ig-mul"
        note={{ label: 'i⊙g', value: (v) => numbers(v).i * numbers(v).g }}
        noteSide="aboveRight"
      />
      <PointwiseNode
        x={tanh.x}
        y={tanh.y}
        op="tanh"
        stage={3}
        id="tanh-c"
        note={{ label: 'tanh(c_{t})', value: (v) => Math.tanh(numbers(v).c) }}
        noteSide="belowLeft"
      />
      <PointwiseNode x={out.x} y={out.y} op="×" name="h" stage={3} id="o-mul" />
      {(['f', 'i', 'g', 'o'] as const).map((k) => {
        const label = labels[k];
        if (!label) return null;
        return <GateBox key={k} label={label} cx={gate[k]} top={L.gateTop} H={H} stage={1} />;
      })}
      <PortLabel x={8} y={cY - 26} label="c_{t−1}" value={(v) => numbers(v).cPrev} name="c" />
      <PortLabel
        x={L.width - 4}
        y={cY - 26}
        label="c_{t}"
        value={(v) => numbers(v).c}
        anchor="end"
        name="c"
        stage={2}
      />
      <PortLabel x={8} y={busY - 26} label="h_{t−1}" value={(v) => numbers(v).hPrev} name="h" />
      <PortLabel
        x={hRiser - 10}
        y={16}
        label="h_{t}"
        value={(v) => numbers(v).h}
        anchor="end"
        name="h"
        stage={3}
      />
      <PortLabel
        x={L.width - 4}
        y={busY - 26}
        label="h_{t}"
        value={(v) => numbers(v).h}
        anchor="end"
        name="h"
        stage={3}
      />
      <PortLabel
        x={L.xJoin + 10}
        y={L.height - 22}
        label={input.label}
        labelTail={input.tail}
        name="x"
      />
    </DiagramSvg>
  );
});
