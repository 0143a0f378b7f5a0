/**
 * Handlers for `plot:*`: one `PlotFeed` per process turns the board's output into
 * `plot:samples` events for every window; requests clear it or describe it.
 */
import type { Handlers } from '../../preload/contract';
import { PlotFeed, type PlotOutputSource } from '../plot/plot-feed';
import type { ServiceContext } from './service-context';

/**
 * Builds the feed that pushes `plot:samples` through the context and stops with the
 * app. `source` is the connection manager's output event (REPL text and run output);
 * without one the feed waits for `attach`.
 */
export function createPlotFeed(ctx: Pick<ServiceContext, 'emit' | 'onDispose'>, source?: PlotOutputSource): PlotFeed {
  const feed = new PlotFeed((batch) => ctx.emit('plot:samples', batch));
  if (source) feed.attach(source);
  ctx.onDispose(() => feed.dispose());
  return feed;
}

export function plotHandlers(feed: PlotFeed): Pick<Handlers, 'plot:clear' | 'plot:info'> {
  return {
    'plot:clear': async () => feed.clear(),
    'plot:info': async () => feed.info(),
  };
}
