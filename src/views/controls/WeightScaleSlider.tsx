import { useId } from 'react';
import { rangeKeysStayLocal } from '../rangeKeys';

/** The slider's range of weight scales: log-spaced, so 0.1 → 1 is as long as 1 → 10. */
const WEIGHT_SLIDER = { min: 0.05, max: 10 } as const;

/** Slider position per decade: 100 positions, a 2.3 % change each. */
const STEPS_PER_DECADE = 100;

/** Slider position (log10 of the scale, in hundredths) of a weight scale, clamped. */
function sliderPosition(scale: number): number {
  const clamped = Math.min(Math.max(scale, WEIGHT_SLIDER.min), WEIGHT_SLIDER.max);
  return Math.round(Math.log10(clamped) * STEPS_PER_DECADE);
}

/** The weight scale at a slider position, to three significant digits (0.05 … 10). */
function scaleAt(position: number): number {
  const scale = 10 ** (position / STEPS_PER_DECADE);
  const clamped = Math.min(Math.max(scale, WEIGHT_SLIDER.min), WEIGHT_SLIDER.max);
  return Number(clamped.toPrecision(3));
}

/** Props of {@link WeightScaleSlider}. */
export interface WeightScaleSliderProps {
  /** The pane's weight scale (the slider shows it clamped into 0.05–10). */
  value: number;
  /** Called on every input event while dragging, with the new scale. */
  onInput: (scale: number) => void;
}

/**
 * "Weight scale slider": a log-scale range over 0.05–10 beside the Weight scale number
 * field. Each move updates the pane at once, so the diagram, heatmaps and gradient plot
 * follow the drag live (each new value is one memoized forward pass).
 */
export function WeightScaleSlider({ value, onInput }: WeightScaleSliderProps) {
  const id = useId();
  return (
    <div className="field field-slider">
      <label htmlFor={id} className="visually-hidden">
        Weight scale slider
      </label>
      <input
        id={id}
        type="range"
        ref={rangeKeysStayLocal}
        min={sliderPosition(WEIGHT_SLIDER.min)}
        max={sliderPosition(WEIGHT_SLIDER.max)}
        step={1}
        value={sliderPosition(value)}
        aria-valuetext={`weight scale ${value}`}
        onChange={(e) => onInput(scaleAt(Number(e.currentTarget.value)))}
      />
    </div>
  );
}
