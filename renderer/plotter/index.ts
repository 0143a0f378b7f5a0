/** The plotter panel, for the IDE's bottom panel; everything else here is its inside. */
export { createPlotterPanel, type PlotterOptions, type PlotterPanel } from './plotter-panel';
