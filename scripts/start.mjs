#!/usr/bin/env node
// `npm start`: builds the app, then launches the Electron window. When the Electron
// binary is missing it first tries to fetch it the way electron's own install script
// does; if that fails (no access to GitHub) or there is no display, it says so in one
// sentence and starts web mode in the system browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const FETCH_TIMEOUT_MS = 120_000;

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { dir, binary: null };
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return { dir, binary: existsSync(binary) ? binary : null };
  } catch {
    return { dir: null, binary: null };
  }
}

function fetchElectron(dir) {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = run(process.execPath, [join(dir, 'install.js')], { env, stdio: 'ignore', timeout: FETCH_TIMEOUT_MS });
  return result.status === 0;
}

function startWebMode(reason) {
  console.log(`${reason} Starting MicroPython Studio in your web browser instead.`);
  const web = spawn(process.execPath, [join(root, 'bin', 'web.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
}

// MPSTUDIO_SKIP_BUILD=1 reuses the existing out/ (the test suite builds once up front and
// must not rebuild under tests that are serving it).
// The build is electron-vite's (window, preload, page), then the Node bundles (board worker, web mode).
function buildAll() {
  const app = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  return app.status === 0 ? run(process.execPath, [join(root, 'scripts', 'build-node.mjs')]) : app;
}
const build = process.env.MPSTUDIO_SKIP_BUILD === '1' ? { status: 0 } : buildAll();
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}

const found = electronBinary();
const { dir } = found;
let { binary } = found;
if (!binary && dir) {
  console.log('Fetching the Electron binary (first start only)…');
  if (fetchElectron(dir)) ({ binary } = electronBinary());
}
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

if (!binary) {
  startWebMode('The Electron binary could not be downloaded (this machine cannot reach its download site).');
} else if (!hasDisplay) {
  startWebMode('There is no graphical display here for the desktop window.');
} else {
  // Chromium refuses to run as root without --no-sandbox; only then is it passed.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // The user's arguments (files to open) follow; main resolves relative ones from INIT_CWD.
  const app = spawn(binary, [root, ...rootArgs, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
