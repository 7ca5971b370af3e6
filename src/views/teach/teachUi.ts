import { create } from 'zustand';

/** The teacher's tools: writing a lesson, the embed snippet, the printable handout. */
export type TeachTool = 'author' | 'embed' | 'print';

/** Which teacher's tool is open; a store of its own (it is about the page, not the scene). */
export interface TeachUiState {
  /** The tool shown, or null. */
  readonly open: TeachTool | null;
  /** Shows `tool`; null hides the tool shown. */
  show: (tool: TeachTool | null) => void;
}

/** The open teacher's tool. */
export const useTeachUi = create<TeachUiState>()((set) => ({
  open: null,
  show: (open) => set({ open }),
}));
