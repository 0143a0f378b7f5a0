/**
 * Serves the plotter harness page over the real web-mode server and contract: a
 * scripted output source stands in for the board's output (the connection
 * manager's event), and goes through the real PlotFeed, dispatcher, WebSocket and
 * bridge. The page is built with Vite into a temporary folder, once per process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { contract, type Handlers } from '../../../preload/contract';
import type { PlotOutputSource } from '../../../main/plot/plot-feed';
import { createDispatch } from '../../../main/services/dispatch';
import { createPlotFeed, plotHandlers } from '../../../main/services/plot-handlers';
import { UserFacingError } from '../../../main/services/user-facing-error';
import { startWebServer, type WebServer } from '../../../main/web/web-server';
import { repoRoot } from '../../support/web-app';

/** Stands in for the connection manager's output event: the test decides what the board printed. */
export class ScriptedBoardOutput implements PlotOutputSource {
  private readonly listeners = new Set<(text: string) => void>();
  onOutput(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  print(text: string): void {
    for (const listener of this.listeners) listener(text);
  }
}

export interface PlotHarness {
  /** The harness page's URL, token included; add `?repl=1` for the terminal. */
  url: string;
  output: ScriptedBoardOutput;
  server: WebServer;
  stop(): Promise<void>;
}

let built: Promise<string> | null = null;

/** Builds the harness page once; later calls reuse the folder. */
export function buildHarnessPage(): Promise<string> {
  built ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'mpstudio-plot-harness-'));
    await build({
      root: join(repoRoot, 'renderer', 'plotter', 'harness'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
    return outDir;
  })();
  return built;
}

export async function removeHarnessPage(): Promise<void> {
  if (!built) return;
  const dir = await built;
  built = null;
  await rm(dir, { recursive: true, force: true });
}

export async function startPlotHarness(): Promise<PlotHarness> {
  const staticDir = await buildHarnessPage();
  const output = new ScriptedBoardOutput();
  const cleanups: Array<() => void | Promise<void>> = [];
  let server: WebServer | undefined;
  const feed = createPlotFeed(
    { emit: (channel, payload) => server?.emit(channel, payload), onDispose: (c) => cleanups.push(c) },
    output,
  );
  // The REPL sees the same text as the plotter, as it does in the app.
  output.onOutput((text) => server?.emit('repl:data', text));
  const handlers: Record<string, unknown> = { ...plotHandlers(feed) };
  for (const channel of Object.keys(contract)) {
    handlers[channel] ??= async () => {
      throw new UserFacingError('not-supported', `${channel} is not served by the plotter harness.`);
    };
  }
  server = await startWebServer({ staticDir, dispatch: createDispatch(handlers as Handlers) });
  return {
    url: server.url,
    output,
    server,
    async stop() {
      for (const cleanup of cleanups) await cleanup();
      await server?.close();
    },
  };
}
