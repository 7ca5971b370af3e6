import { lazy } from 'react';

/**
 * The panels that are not needed to show the first diagram, each in a chunk of its own
 * that loads after first paint (`import()`): the equations (KaTeX), the gate heatmaps,
 * the gradient views, the comparison table, the exports, the lesson notes and the field of
 * the user's numbers. Render each inside a {@link LazyPanel}, which shows a placeholder
 * while its code loads.
 */
export const LazyEquationsPanel = lazy(() =>
  import('./equations/EquationsPanel').then((m) => ({ default: m.EquationsPanel })),
);

/** Lazy {@link import('./heatmaps/GateHeatmaps').GateHeatmaps}: one pane's heatmaps. */
export const LazyGateHeatmaps = lazy(() =>
  import('./heatmaps/GateHeatmaps').then((m) => ({ default: m.GateHeatmaps })),
);

/** Lazy {@link import('./gradients/GradientPanel').GradientPanel}: gradients through time. */
export const LazyGradientPanel = lazy(() =>
  import('./gradients/GradientPanel').then((m) => ({ default: m.GradientPanel })),
);

/** Lazy {@link import('./compare/CompareSummary').CompareSummary}: the comparison table. */
export const LazyCompareSummary = lazy(() =>
  import('./compare/CompareSummary').then((m) => ({ default: m.CompareSummary })),
);

/** Lazy {@link import('./exports/ExportMenu').ExportMenu}: one pane's Export panel. */
export const LazyExportMenu = lazy(() =>
  import('./exports/ExportMenu').then((m) => ({ default: m.ExportMenu })),
);

/** Lazy {@link import('./lessons/LessonNotes').LessonNotes}: the open lesson's notes. */
export const LazyLessonNotes = lazy(() =>
  import('./lessons/LessonNotes').then((m) => ({ default: m.LessonNotes })),
);

/** Lazy {@link import('./imports/ImportedModelNote').ImportedModelNote}: what an imported pane runs. */
export const LazyImportedModelNote = lazy(() =>
  import('./imports/ImportedModelNote').then((m) => ({ default: m.ImportedModelNote })),
);

/** Lazy {@link import('./training/TrainPanel').TrainPanel}: training in the page. */
export const LazyTrainPanel = lazy(() =>
  import('./training/TrainPanel').then((m) => ({ default: m.TrainPanel })),
);

/** Lazy {@link import('./controls/NumbersField').NumbersField}: the Your numbers field. */
export const LazyNumbersField = lazy(() =>
  import('./controls/NumbersField').then((m) => ({ default: m.NumbersField })),
);

/** Lazy {@link import('./teach/AuthorPanel').AuthorPanel}: writing a lesson. */
export const LazyAuthorPanel = lazy(() =>
  import('./teach/AuthorPanel').then((m) => ({ default: m.AuthorPanel })),
);

/** Lazy {@link import('./teach/EmbedPanel').EmbedPanel}: the embed snippet. */
export const LazyEmbedPanel = lazy(() =>
  import('./teach/EmbedPanel').then((m) => ({ default: m.EmbedPanel })),
);

/** Lazy {@link import('./teach/Handout').Handout}: the open lesson as a printable handout. */
export const LazyHandout = lazy(() =>
  import('./teach/Handout').then((m) => ({ default: m.Handout })),
);

/** Lazy {@link import('./interventions/InterventionsPanel').InterventionsPanel}: "What if?". */
export const LazyInterventionsPanel = lazy(() =>
  import('./interventions/InterventionsPanel').then((m) => ({ default: m.InterventionsPanel })),
);
