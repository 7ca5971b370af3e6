import {
  cloneElement,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactElement,
} from 'react';
import { clampable, type Intervention, type Model } from '../../engine';
import { clampableNames, type PaneId, type PaneSettings } from '../../scene';
import { useScene, type InterventionDraft } from '../../store';

/** What the form adds: a gate clamped over steps, a state set at a step, a unit silenced. */
type Kind = 'clamp' | 'set' | 'silence';

/** Props of {@link InterventionForm}. */
export interface InterventionFormProps {
  pane: PaneSettings;
  /** The pane's model (its own run's): layers, units, bidirectional. */
  model: Model;
  /** Steps T of the input. */
  T: number;
  /** What the diagram asked the form to start from (the form is made anew for each), or null. */
  draft: InterventionDraft | null;
}

const KIND_LABELS: Record<Kind, string> = {
  clamp: 'Clamp a gate',
  set: 'Set h or c at a step',
  silence: 'Silence a unit from a step on',
};

/** The gates the form offers to clamp (the states are set, not clamped, except an RNN's h). */
function gatesOf(pane: PaneSettings): string[] {
  const names = clampableNames(pane);
  return pane.cell === 'rnn' ? names : names.filter((n) => n !== 'c' && n !== 'h');
}

/** The states the form offers to set: h, and c for an LSTM. */
function statesOf(pane: PaneSettings): string[] {
  return clampableNames(pane).filter((n) => n === 'c' || n === 'h');
}

/** The values a gate is most often forced to, with what they do to a sigmoid gate. */
const PRESETS = [
  ['0', 'shut'],
  ['1', 'open'],
] as const;

/** True for a quantity squashed into [0, 1] (a sigmoid gate), which 0 shuts and 1 opens. */
function opensAndShuts(pane: PaneSettings, name: string): boolean {
  const range = clampable(pane)[name];
  return range !== undefined && range.min === 0 && range.max === 1;
}

/**
 * The form of one pane's Interventions panel: clamp a gate (one unit or all, over a range
 * of steps, to 0, 1 or any value in its range), set h or c of a unit at a step, or silence
 * a unit from a step on (h and c forced to 0: two interventions). Steps and units are shown
 * from 1. The store checks what is added with the engine's checker; a refusal shows beside
 * the button. The diagram's "What if" action fills it in: the panel makes the form anew
 * from the store's draft.
 */
export function InterventionForm({ pane, model, T, draft }: InterventionFormProps) {
  const id = useId();
  const paneId: PaneId = pane.id;
  const isState = (g: string) => g === 'c' || (g === 'h' && pane.cell !== 'rnn');
  // Read once, for the fields' first values: subscribing to t would re-render the whole
  // form on every step for nothing.
  const [start] = useState(() => (draft ? draft.step + 1 : Math.min(useScene.getState().t, T)));
  const [kind, setKind] = useState<Kind>(draft && isState(draft.gate) ? 'set' : 'clamp');
  const [gate, setGate] = useState(() =>
    draft && !isState(draft.gate)
      ? draft.gate
      : pane.cell === 'gru'
        ? 'z'
        : (gatesOf(pane)[1] ?? 'h'),
  );
  const [state, setState] = useState(draft && isState(draft.gate) ? draft.gate : 'h');
  const [layer, setLayer] = useState(0);
  const [direction, setDirection] = useState<0 | 1>(0);
  const [unit, setUnit] = useState(draft ? String(draft.unit) : '0');
  const [from, setFrom] = useState(String(start));
  const [to, setTo] = useState(String(start));
  const [value, setValue] = useState('0');
  const [message, setMessage] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { numLayers, hiddenSize, bidirectional } = model.spec;

  // Asked for by the diagram: brought into view, its first control focused.
  useEffect(() => {
    if (!draft) return;
    formRef.current?.scrollIntoView?.({ block: 'nearest' });
    formRef.current?.querySelector<HTMLSelectElement>('select')?.focus();
  }, [draft]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = Number(from) - 1;
    const base = { layer, ...(bidirectional ? { direction } : {}), from: first };
    const one = { unit: Number(unit) };
    let list: Intervention[];
    if (kind === 'clamp') {
      const last = Number(to) - 1;
      const who = unit === 'all' ? {} : one;
      list = [{ ...base, ...who, gate, to: last, value: Number(value) }];
    } else if (kind === 'set') {
      list = [{ ...base, ...one, gate: state, to: first, value: Number(value) }];
    } else {
      const states = statesOf(pane);
      list = states.map((name) => ({ ...base, ...one, gate: name, to: T - 1, value: 0 }));
    }
    if (list.some((iv) => !Number.isFinite(iv.value) || !Number.isInteger(iv.from))) {
      setMessage('Steps and the value must be numbers.');
      return;
    }
    setMessage(useScene.getState().addInterventions(paneId, list));
  };

  const units = Array.from({ length: hiddenSize }, (_, j) => j);
  // The label names its control, and only that: a <label> wrapping a <select> would add
  // the chosen option's text to the control's name ("Layer12").
  const field = (label: string, control: ReactElement<{ id?: string }>) => {
    const controlId = `${id}-${label.replace(/\W+/g, '-')}`;
    return (
      <div className="iv-field">
        <label htmlFor={controlId}>{label}</label>
        {cloneElement(control, { id: controlId })}
      </div>
    );
  };
  return (
    <form ref={formRef} className="iv-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="iv-form-title">
        Change model {paneId}’s run
      </p>
      {field(
        'What',
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>,
      )}
      {kind === 'clamp' &&
        field(
          'Gate',
          <select value={gate} onChange={(e) => setGate(e.target.value)}>
            {gatesOf(pane).map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>,
        )}
      {kind === 'set' &&
        field(
          'State',
          <select value={state} onChange={(e) => setState(e.target.value)}>
            {statesOf(pane).map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>,
        )}
      {numLayers > 1 &&
        field(
          'Layer',
          <select value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
            {Array.from({ length: numLayers }, (_, l) => (
              <option key={l} value={l}>
                {l + 1}
              </option>
            ))}
          </select>,
        )}
      {bidirectional &&
        field(
          'Direction',
          <select
            value={direction}
            onChange={(e) => setDirection(Number(e.target.value) === 1 ? 1 : 0)}
          >
            <option value={0}>forward</option>
            <option value={1}>reverse</option>
          </select>,
        )}
      {field(
        'Unit',
        <select value={unit} onChange={(e) => setUnit(e.target.value)}>
          {kind === 'clamp' && <option value="all">all units</option>}
          {units.map((j) => (
            <option key={j} value={j}>
              {j + 1}
            </option>
          ))}
        </select>,
      )}
      {field(
        kind === 'clamp' ? 'From step' : kind === 'set' ? 'At step' : 'From step on',
        <input
          type="number"
          min={1}
          max={T}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />,
      )}
      {kind === 'clamp' &&
        field(
          'To step',
          <input
            type="number"
            min={1}
            max={T}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />,
        )}
      {kind !== 'silence' &&
        field(
          'Value',
          <input
            type="number"
            step="any"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />,
        )}
      {kind === 'clamp' && (
        <span className="iv-presets" role="group" aria-label="Common values">
          {PRESETS.map(([v, meaning]) => (
            <button key={v} type="button" aria-pressed={value === v} onClick={() => setValue(v)}>
              {opensAndShuts(pane, gate) ? `${v} (${meaning})` : v}
            </button>
          ))}
        </span>
      )}
      <button type="submit" className="iv-add">
        Add
      </button>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
