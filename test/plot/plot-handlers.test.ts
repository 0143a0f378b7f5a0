import { describe, expect, it } from 'vitest';
import type { EventChannel, Handlers, PayloadOf } from '../../preload/contract';
import type { PlotBatch } from '../../preload/contract-types';
import { createPlotFeed, plotHandlers } from '../../main/services/plot-handlers';

describe('plot handlers', () => {
  it('emit plot:samples from the attached source, clear it and describe it', async () => {
    const events: Array<{ channel: EventChannel; payload: unknown }> = [];
    const cleanups: Array<() => void | Promise<void>> = [];
    let print: (text: string) => void = () => {};
    const feed = createPlotFeed(
      {
        emit: <C extends EventChannel>(channel: C, payload: PayloadOf<C>) => events.push({ channel, payload }),
        onDispose: (cleanup) => cleanups.push(cleanup),
      },
      {
        onOutput(listener) {
          print = listener;
          return () => {
            print = () => {};
          };
        },
      },
    );
    const handlers: Pick<Handlers, 'plot:clear' | 'plot:info'> = plotHandlers(feed);

    print('temp:1 hum:2\n');
    feed.flush();
    expect(events[0]?.channel).toBe('plot:samples');
    expect((events[0]?.payload as PlotBatch).series).toEqual(['temp', 'hum']);
    expect(await handlers['plot:info']()).toMatchObject({ epoch: 0, samples: 1, series: ['temp', 'hum'] });

    await handlers['plot:clear']();
    expect((events[1]?.payload as PlotBatch).epoch).toBe(1);
    expect(await handlers['plot:info']()).toMatchObject({ epoch: 1, samples: 0, series: [] });

    for (const cleanup of cleanups) await cleanup();
    print('1\n');
    feed.flush();
    expect(events).toHaveLength(2);
  });
});
