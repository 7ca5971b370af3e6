import type { StepValues } from './stepValues';

/** What a diagram draws at one step: this run's numbers, and the original run's under interventions. */
export interface DiagramStep {
  /** The step's numbers, as the pane's run computed them. */
  readonly now: StepValues;
  /** The same step of the run without interventions; null when there are none. */
  readonly was: StepValues | null;
}

/** Writes one part of a diagram's per-step numbers into the DOM it owns. */
export type StepWriter = (step: DiagramStep) => void;

/**
 * The per-step numbers of one diagram, handed to the parts that print them. React draws a
 * diagram's structure (boxes, wires, labels) once per model, layer and unit; a step then
 * only publishes its numbers here, and each part writes its few attributes and texts
 * (the zustand "transient updates" pattern): no React render per step.
 */
export class StepBus {
  private readonly writers = new Set<StepWriter>();
  private last: DiagramStep | null = null;
  private read: (t: number) => DiagramStep | null = () => null;

  /** The step last published, null before the first. */
  get current(): DiagramStep | null {
    return this.last;
  }

  /** Registers a writer for the next publications; returns the function that removes it. */
  add(writer: StepWriter): () => void {
    this.writers.add(writer);
    return () => {
      this.writers.delete(writer);
    };
  }

  /** Sets where {@link show} reads step t's numbers from (the diagram's run as last rendered). */
  readFrom(read: (t: number) => DiagramStep | null): void {
    this.read = read;
  }

  /** Publishes step t (1-based) as {@link readFrom}'s source gives it; nothing without one. */
  show(t: number): void {
    const step = this.read(t);
    if (step) this.publish(step);
  }

  /** Hands `step` to every registered writer. */
  publish(step: DiagramStep): void {
    this.last = step;
    for (const write of this.writers) write(step);
  }
}

/** Sets an attribute unless it already has that value (a write restyles the element). */
export function writeAttr(element: Element | null | undefined, name: string, value: string): void {
  if (element && element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Sets an element's text unless it already reads `text`: in its one text node when it
 * has one (no nodes made or removed), else as its whole content.
 */
export function writeText(element: Element | null | undefined, text: string): void {
  if (!element) return;
  const node = element.firstChild;
  if (node && node === element.lastChild && node.nodeType === Node.TEXT_NODE) {
    const textNode = node as Text;
    if (textNode.data !== text) textNode.data = text;
  } else if (element.textContent !== text) element.textContent = text;
}

/** Style values this module wrote, per element and property (reading them back is normalised). */
const styled = new WeakMap<HTMLElement, Map<string, string>>();

/** Sets an inline style property unless this module last wrote the same value there. */
export function writeStyle(
  element: HTMLElement | null | undefined,
  property: string,
  value: string,
): void {
  if (!element) return;
  let written = styled.get(element);
  if (!written) styled.set(element, (written = new Map()));
  if (written.get(property) === value) return;
  written.set(property, value);
  element.style.setProperty(property, value);
}

/**
 * `f` remembering its last result: called again with the same step's numbers (as each
 * wire of a diagram does), it computes once.
 */
export function perStep<R>(f: (values: StepValues) => R): (values: StepValues) => R {
  let key: StepValues | null = null;
  let result: R;
  return (values) => {
    if (values !== key) {
      result = f(values);
      key = values;
    }
    return result;
  };
}
