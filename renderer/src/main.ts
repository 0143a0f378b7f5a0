/** Renderer entry: asks main who it is, then builds the IDE in `#app`. */
import { startApp } from './app/start-app';
import { studio } from './studio-api';
import './styles/theme.css';
import './styles/layout.css';
import './styles/widgets.css';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const info = await studio.app.info();
    root.dataset.mode = info.mode;
    await startApp(root, info.mode);
    root.dataset.state = 'ready';
  } catch (error) {
    root.dataset.state = 'failed';
    root.textContent = `MicroPython Studio could not start: ${(error as Error).message}`;
  }
}

void start();
