/**
 * Exports: the trace, gradients and weights as files (CSV, PyTorch-named JSON) and the
 * views as pictures (SVG, PNG at 2×). Text builders are pure; svgMarkup, svgToPng,
 * cellsDataUrl and download need the browser's DOM.
 */
export { csvDocument, csvField, CSV_EOL, type CsvValue } from './csv';
export { csvTokens, traceCsv, traceCsvHeader, TRACE_CSV_QUANTITIES } from './trace';
export { gradientCsv, type GradientCsvPane } from './gradients';
export { weightsJson } from './weights';
export { svgMarkup, type SvgFooter, type SvgMarkupOptions } from './svg';
export { svgToPng, svgSize, cellsDataUrl } from './raster';
export {
  heatmapSvg,
  heatmapPlotBox,
  MAX_VECTOR_CELLS,
  type HeatmapFigure,
  type PlotBox,
} from './heatmapSvg';
export { titleSvg } from './title';
export { lineLegendSvg, type LineLegendEntry, type LineLegendOptions } from './lineLegend';
export { themeOf, LIGHT_THEME, type ExportTheme } from './theme';
export { download, MIME } from './download';
