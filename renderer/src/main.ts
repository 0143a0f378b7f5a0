/** Renderer entry: starts the app shell once the contract answers. */
import { studio } from './studio-api';

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const info = await studio.app.info();
    root.dataset.state = 'ready';
    root.dataset.mode = info.mode;
    root.textContent = `${info.name} ${info.version}`;
  } catch (error) {
    root.dataset.state = 'failed';
    root.textContent = `MicroPython Studio could not start: ${(error as Error).message}`;
  }
}

void start();
