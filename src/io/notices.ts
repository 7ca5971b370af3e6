import { create } from 'zustand';

/** What a link (or the saved scene) held that could not be read, for `<LinkNotice />`. */
export interface LinkNoticeState {
  /** The notice's heading, e.g. "Some settings of this link could not be read"; null when hidden. */
  title: string | null;
  /** One sentence per setting that could not be read (see `decodeScene`). */
  problems: readonly string[];
  /** Shows a notice, replacing any shown. */
  show: (title: string, problems: readonly string[]) => void;
  /** Hides the notice. */
  dismiss: () => void;
}

/** A small store of its own: the notice is about the page, not part of the scene or a link. */
export const useLinkNotice = create<LinkNoticeState>()((set) => ({
  title: null,
  problems: [],
  show: (title, problems) => set({ title, problems }),
  dismiss: () => set({ title: null, problems: [] }),
}));

/** The notice store's type, for code and tests that take one. */
export type LinkNoticeStore = typeof useLinkNotice;
