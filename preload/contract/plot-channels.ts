/** The `plot:*` channels: samples for the plotter, parsed from what the board prints. */
import type { PlotBatch, PlotInfo } from './plot-types';
import { event, request } from './table-helpers';

export const plotChannels = {
  // plot: samples parsed from what the board prints, for the plotter
  'plot:samples': event<PlotBatch>(),
  /** Forgets every series and sample; renderers see a batch with the next epoch. */
  'plot:clear': request<void>()(),
  'plot:info': request<PlotInfo>()(),
} as const;
