import type { ReactNode } from 'react';

/** Props of {@link Region}. */
export interface RegionProps {
  /** DOM id of the section; its heading gets `${id}-title`. */
  id: string;
  /** Visible heading, also the region's accessible name. */
  title: string;
  children?: ReactNode;
}

/** One named landmark of the page (a `<section>` labelled by its heading). */
export function Region({ id, title, children }: RegionProps) {
  const titleId = `${id}-title`;
  return (
    <section id={id} className={`region region-${id}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="region-body">{children}</div>
    </section>
  );
}
