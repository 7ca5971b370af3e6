import type { CSSProperties, ReactNode } from 'react';

/** Props of {@link Region}. */
export interface RegionProps {
  /** DOM id of the section; its heading gets `${id}-title`. */
  id: string;
  /** Visible heading, also the region's accessible name. */
  title: string;
  /** Extra class names, e.g. `region-pane` for every compare pane. */
  className?: string;
  /** Controls or facts shown beside the heading (a pane's parameter count, Remove model). */
  actions?: ReactNode;
  /** A CSS colour for the region's top edge: a compare pane's colour, as in the plots. */
  accent?: string;
  /** Extra data attribute naming the pane a region shows, for styles and tests. */
  pane?: string;
  /** The region's content, under the heading. */
  children?: ReactNode;
}

/** One named landmark of the page (a `<section>` labelled by its heading). */
export function Region({ id, title, className, actions, accent, pane, children }: RegionProps) {
  const titleId = `${id}-title`;
  const classes = ['region', `region-${id}`, className].filter(Boolean).join(' ');
  const style = accent ? ({ '--region-accent': accent } as CSSProperties) : undefined;
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <section
      id={id}
      className={classes}
      aria-labelledby={titleId}
      data-pane={pane}
      data-accent={accent ? '' : undefined}
      style={style}
    >
      {actions ? (
        <div className="region-head">
          {heading}
          <div className="region-actions">{actions}</div>
        </div>
      ) : (
        heading
      )}
      <div className="region-body">{children}</div>
    </section>
  );
}
