/**
 * A page with the plotter panel alone, for the plotter's UI tests and benchmark
 * until and besides the IDE window: it talks to main over web mode's WebSocket
 * like the app does. `?repl=1` adds an xterm.js terminal fed by `repl:data`, to
 * measure the plotter with a busy REPL on screen.
 */
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { createWebBridge, socketUrlFor } from '../../src/web-bridge';
import { createPlotterPanel } from '../index';

const api = createWebBridge(socketUrlFor(window.location));
const plotHost = document.getElementById('plot') as HTMLElement;
const panel = createPlotterPanel(plotHost, api);
let newData = 0;
panel.onNewData(() => newData++);

if (new URLSearchParams(window.location.search).has('repl')) {
  document.body.classList.add('with-repl');
  const terminal = new Terminal({ scrollback: 1000, convertEol: true });
  terminal.open(document.getElementById('repl') as HTMLElement);
  api.repl.onData((text) => terminal.write(text));
  panel.resize();
}

Object.assign(window, { plotterHarness: { panel, api, newData: () => newData } });
document.body.dataset.ready = 'true';
