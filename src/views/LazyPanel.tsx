import { Suspense, type ReactNode } from 'react';
import { PanelBoundary } from './PanelBoundary';

/** Props of {@link LazyPanel}. */
export interface LazyPanelProps {
  /** What is loading, for the placeholder's text: "equations", "gradients" … */
  what: string;
  /** Height the placeholder keeps, in CSS px, close to the panel's own so nothing jumps. */
  minHeight: number;
  /** The lazily loaded panel (a `React.lazy` component from `lazyPanels`). */
  children: ReactNode;
}

/**
 * A panel whose code loads after the first diagram shows: until it arrives, a placeholder
 * of about the panel's height says what is loading (a polite status, busy). A failure
 * inside it (its code, or a render error) stays inside it ({@link PanelBoundary}).
 */
export function LazyPanel({ what, minHeight, children }: LazyPanelProps) {
  return (
    <PanelBoundary what={what}>
      <Suspense
        fallback={
          <div className="panel-loading" role="status" aria-busy="true" style={{ minHeight }}>
            Loading {what}…
          </div>
        }
      >
        {children}
      </Suspense>
    </PanelBoundary>
  );
}
