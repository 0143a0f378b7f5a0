/**
 * A page with the plotter panel alone, for the plotter's UI tests and benchmark:
 * it talks to main over web mode's WebSocket like the app does. `?repl=1` adds
 * the IDE's own REPL terminal (xterm.js, fed by `repl:data`) under the plot, both
 * on screen at once, to measure the plotter with a busy REPL beside it.
 */
import { createWebBridge, socketUrlFor } from '../../src/web-bridge';
import { createPlotterPanel } from '../index';

const api = createWebBridge(socketUrlFor(window.location));
// The IDE's modules reach main through `window.studio`; give them this page's bridge.
window.studio = api;
const plotHost = document.getElementById('plot') as HTMLElement;
const query = new URLSearchParams(window.location.search);
const pixelsPerColumn = Number(query.get('pixelsPerColumn')) || undefined;
const panel = createPlotterPanel(plotHost, api, pixelsPerColumn ? { pixelsPerColumn } : {});
let newData = 0;
panel.onNewData(() => newData++);

async function addRepl(): Promise<void> {
  const { ReplTerminal } = await import('../../src/repl/repl-terminal');
  document.body.classList.add('with-repl');
  const repl = new ReplTerminal({ fontSize: 13, atPrompt: () => true, openTraceback: () => {}, openUrl: () => {}, connect: () => {} });
  document.getElementById('repl')?.append(repl.element);
  repl.mount();
  panel.resize();
}

async function start(): Promise<void> {
  if (query.has('repl')) await addRepl();
  Object.assign(window, { plotterHarness: { panel, api, newData: () => newData } });
  document.body.dataset.ready = 'true';
}

void start();
