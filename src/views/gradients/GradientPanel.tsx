import { useMemo, useRef } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useScene } from '../../store';
import { GradientLegend } from './GradientLegend';
import { GradientPlot, type PlotCurve, type PlotHover } from './GradientPlot';
import { logAxisOf } from './logAxis';
import { plotLayout } from './plotLayout';
import { SaliencyBars } from './SaliencyBars';
import { useGradients, type PaneGradients } from './useGradients';
import './gradients.css';

/**
 * The plot's curves: each pane's ‖∂h_T/∂h_t‖ by distance (and, for a pane with
 * interventions, the original run's, dotted), and its LSTM forget product.
 */
function curvesOf(data: readonly PaneGradients[]): PlotCurve[] {
  const curves: PlotCurve[] = [];
  for (const g of data) {
    if (g.norms) {
      curves.push({
        key: `${g.pane.id}-norm`,
        pane: g.pane.id,
        label: g.label,
        color: g.color,
        dashed: false,
        // norms[t] is at distance T − t: reversed, index k is distance k + 1.
        values: [...g.norms].reverse(),
        firstDistance: 1,
      });
    }
    if (g.originalNorms) {
      curves.push({
        key: `${g.pane.id}-original`,
        pane: g.pane.id,
        label: `${g.label}, without the interventions`,
        shortLabel: `${g.pane.id} — original`,
        color: g.color,
        dashed: false,
        original: true,
        values: [...g.originalNorms].reverse(),
        firstDistance: 1,
      });
    }
    if (g.forgetProduct) {
      curves.push({
        key: `${g.pane.id}-forget`,
        pane: g.pane.id,
        label: `${g.pane.id} — Π f (cell path, unit ${g.unit + 1})`,
        shortLabel: `${g.pane.id} — Π f`,
        color: g.color,
        dashed: true,
        values: g.forgetProduct,
        firstDistance: 0,
      });
    }
  }
  return curves;
}

/**
 * Points the other views at the state a hovered distance refers to: distance d is
 * h_{T−d} (c_{T−d} on a forget-product curve), written by step T − d; h_0 is no step.
 * Writes the store only when the target changes, not on every pointer move.
 */
function reportHover(hover: PlotHover | null, T: number) {
  const { hovered, setHovered } = useScene.getState();
  const step = hover ? T - hover.distance : 0;
  const target =
    hover?.curve && step >= 1
      ? { pane: hover.curve.pane, name: hover.curve.dashed ? 'c' : 'h', step }
      : null;
  const same =
    target === null
      ? hovered === null
      : hovered !== null &&
        hovered.pane === target.pane &&
        hovered.name === target.name &&
        hovered.step === target.step &&
        hovered.unit === undefined;
  if (!same) setHovered(target);
}

/**
 * The vanishing/exploding-gradient view: ‖∂h_T/∂h_t‖ against the distance T − t on a log
 * axis for every pane (with the LSTM's forget-gate product), a computed caption per pane,
 * and each pane's input saliency. Heavy numbers are computed after the first paint and
 * memoized per run, so stepping through time never recomputes them.
 */
export function GradientPanel() {
  const { data, pending } = useGradients();
  // The plots' viewBox follows the column's width, so their labels print at the page's
  // type size (larger when presenting) however narrow the column.
  const panel = useRef<HTMLDivElement>(null);
  const width = useElementWidth(panel, 0);
  const presenting = useScene((s) => s.presentation);
  const layout = useMemo(() => plotLayout(width, presenting ? 21 : 14), [width, presenting]);
  const curves = useMemo(() => (data ? curvesOf(data) : []), [data]);
  const hasZero = useMemo(() => logAxisOf(curves.map((c) => c.values)).hasZero, [curves]);
  const T = data?.[0]?.tokens.length ?? 0;
  const layers = new Set(data?.map((g) => g.layer));
  const failures = [...new Set(data?.flatMap((g) => (g.failure ? [g.failure] : [])))];
  const layerNote =
    data && data.some((g) => g.pane.numLayers > 1)
      ? ` of layer ${[...layers].map((l) => l + 1).join(', ')}`
      : '';
  return (
    <div ref={panel} className="gradients" aria-busy={pending}>
      <div className="gradients-head">
        <p className="gradients-intro">
          How much a change in h<sub>t</sub> still moves h<sub>T</sub>, T − t steps later
          {layerNote}.
        </p>
        <p className="gradients-status" role="status">
          {pending ? 'computing…' : ''}
        </p>
      </div>
      {failures.map((failure) => (
        <p key={failure} className="gradients-failure" role="alert">
          {failure}
        </p>
      ))}
      {data ? (
        <div className={pending ? 'gradients-body stale' : 'gradients-body'}>
          <GradientPlot
            curves={curves}
            maxDistance={T}
            layout={layout}
            onHover={(h) => reportHover(h, T)}
          />
          <GradientLegend items={curves} showFloorMarker={hasZero} />
          <ul className="gradient-captions">
            {data.map((g) => (
              <li key={g.pane.id}>
                <span className="swatch" style={{ background: g.color }} aria-hidden="true" />
                <strong>{g.label}:</strong> {g.caption}
              </li>
            ))}
          </ul>
          <section className="saliency" aria-labelledby="saliency-title">
            <h3 id="saliency-title">
              Input saliency ‖∂h<sub>T</sub>[j]/∂x<sub>t</sub>‖: how much each input moves the final
              value of unit j
            </h3>
            <p className="hint">Click a bar to go to its step.</p>
            {data.map((g) =>
              g.saliency ? (
                <div key={g.pane.id} className="saliency-strip">
                  <p className="saliency-label">
                    <span className="swatch" style={{ background: g.color }} aria-hidden="true" />
                    {g.label}, unit {g.unit + 1}{' '}
                  </p>
                  <SaliencyBars
                    paneId={g.pane.id}
                    label={g.label}
                    color={g.color}
                    saliency={g.saliency}
                    tokens={g.tokens}
                    named={data.length > 1}
                    layout={layout}
                  />
                </div>
              ) : null,
            )}
          </section>
        </div>
      ) : (
        <div className="gradients-placeholder">computing gradients…</div>
      )}
    </div>
  );
}
