/**
 * `npm run web`: runs the app's services in a plain Node process and serves the UI
 * to a browser. Prints one line, the URL with its token, and serves until SIGINT or
 * SIGTERM.
 *
 * Any other argument is a file to open in the page, as "Open with" does on the desktop.
 *
 *   --port N         port to listen on (default 0: any free port)
 *   --host ADDR      address to bind (default 127.0.0.1; anything else is reachable from the network)
 *   --no-open        do not open the system browser
 *   --user-data DIR  where settings, backups and the virtual board's flash live
 *   --mock-usb-ports FILE  tests only: MOCK the USB port list with the ports in FILE (see mock-usb-ports.ts)
 *   --mock-mounts FILE     tests only: MOCK the mounted volumes with the folders in FILE (see mock-mounts.ts)
 *   --firmware-site URL    tests only: read board pages from URL instead of https://micropython.org
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultUserDataDir } from '../paths/user-data-dir';
import { createServices } from '../services/create-services';
import { mockMountLister } from './mock-mounts';
import { mockUsbPortLister } from './mock-usb-ports';
import { openInSystemBrowser } from './open-browser';
import { startWebServer, type WebServer } from './web-server';

const STOP_GRACE_MS = 5000;

/** The project folder: the nearest one up with a package.json (from source or from out/cli). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
const root = findRoot(dirname(fileURLToPath(import.meta.url)));

function fail(message: string): never {
  process.stderr.write(`mpstudio web: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'no-open': { type: 'boolean', default: false },
        'user-data': { type: 'string' },
        'mock-usb-ports': { type: 'string' },
        'mock-mounts': { type: 'string' },
        'firmware-site': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const port = Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, not "${parsed.values.port}".`);
  const staticDir = join(root, 'out', 'renderer');
  try {
    readFileSync(join(staticDir, 'index.html'));
  } catch {
    fail(`the UI is not built (${staticDir} has no index.html): run "npm run build" first.`);
  }
  const host = parsed.values.host;
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    process.stderr.write(`mpstudio web: warning: serving on ${host}; anyone with the URL and network access can use your board.\n`);
  }

  let server: WebServer | undefined;
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const services = await createServices({
    mode: 'web',
    userDataDir: parsed.values['user-data'] ? resolve(parsed.values['user-data']) : defaultUserDataDir(),
    appVersion: version,
    examplesDir: join(root, 'resources', 'examples'),
    emit: (channel, payload) => server?.emit(channel, payload),
    ...(parsed.values['mock-usb-ports'] && { portLister: mockUsbPortLister(resolve(parsed.values['mock-usb-ports'])) }),
    ...(parsed.values['mock-mounts'] && { mountLister: mockMountLister(resolve(parsed.values['mock-mounts'])) }),
    ...(parsed.values['firmware-site'] && { firmwareSite: parsed.values['firmware-site'] }),
  });
  // `npm run web -- x.py` runs us in the project's folder; npm keeps the user's own in INIT_CWD.
  await services.openFiles(parsed.positionals, process.env.INIT_CWD ?? process.cwd());
  try {
    server = await startWebServer({ staticDir, dispatch: services.dispatch, host, port });
  } catch (error) {
    await services.dispose();
    fail(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A board that will not close must not keep the process alive past a few seconds.
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    await server?.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Printed only once the signal handlers are in place: whoever reads the URL may stop us at once.
  process.stdout.write(`${server.url}\n`);
  if (!parsed.values['no-open']) openInSystemBrowser(server.url);
}

void main();
