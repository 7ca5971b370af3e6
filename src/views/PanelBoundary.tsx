import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of {@link PanelBoundary}. */
export interface PanelBoundaryProps {
  /** What the panel is, for the message: "equations", "the cell diagram of model A". */
  what: string;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
}

/**
 * Keeps one panel's failure inside the panel: a render error anywhere in it shows a short
 * message with the reason and a **Try again** button, and the rest of the page keeps
 * working (React unmounts the whole page on an error no boundary catches).
 */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Gatescope: the ${this.props.what} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-failed" role="alert">
        <p>
          The {this.props.what} could not be shown: {error.message}. The rest of the page still
          works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
