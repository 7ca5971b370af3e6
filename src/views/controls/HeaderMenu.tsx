import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useScene } from '../../store';
import { PHONE_QUERY, useMediaMatch } from '../useMediaMatch';

/** Props of {@link HeaderMenu}. */
export interface HeaderMenuProps {
  /** The header's secondary actions (Theme, Full screen, the share buttons, …). */
  children: ReactNode;
}

/** DOM id of the folded actions, which the toggle controls. */
const ITEMS_ID = 'header-more';

/**
 * On phones (600 px wide and under) and in presentation mode, the header's secondary
 * actions fold behind a "More" button (`data-folded`, small-screens.css), so that the
 * header keeps to one or two tidy rows (at 1280 px, presenting, they wrapped into ragged
 * stacks and cut the lesson's name): a disclosure (`aria-expanded`) whose actions follow
 * it in the tab order, shown over the page under the button. Escape closes it and brings
 * the focus back to the button; a tap outside closes it. Otherwise the button is hidden
 * and the actions sit in the header's row.
 */
export function HeaderMenu({ children }: HeaderMenuProps) {
  const phone = useMediaMatch(PHONE_QUERY);
  const presenting = useScene((s) => s.presentation);
  const folded = phone || presenting;
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
    <div
      ref={root}
      className="header-more"
      data-folded={folded ? '' : undefined}
      data-open={folded && open ? '' : undefined}
    >
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
