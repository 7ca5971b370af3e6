import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Props of {@link HeaderMenu}. */
export interface HeaderMenuProps {
  /** The header's secondary actions (Theme, Full screen, the share buttons, …). */
  children: ReactNode;
}

/** DOM id of the folded actions, which the toggle controls. */
const ITEMS_ID = 'header-more';

/**
 * On phones (600 px wide and under, small-screens.css) the header's secondary actions fold
 * behind a "More" button, so that the header takes two rows: a disclosure (`aria-expanded`)
 * whose actions follow it in the tab order, shown over the page under the button. Escape
 * closes it and brings the focus back to the button; a tap outside closes it. Wider
 * screens hide the button and lay the actions out in the header's row, as before.
 */
export function HeaderMenu({ children }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={root} className="header-more" data-open={open ? '' : undefined}>
      <button
        ref={toggle}
        type="button"
        className="header-more-toggle"
        aria-expanded={open}
        aria-controls={ITEMS_ID}
        onClick={() => setOpen(!open)}
      >
        More
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      <div id={ITEMS_ID} className="header-more-items">
        {children}
      </div>
    </div>
  );
}
