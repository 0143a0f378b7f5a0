/**
 * CLI start-up (issue 12 item 1), each against `node -e 0` measured in this run:
 * - `mpstudio --help` (target: under 0.3 s);
 * - `mpstudio --port P exec 'print(1)'`, the whole command, on the virtual board served on a
 *   pseudo-terminal (`mpstudio virtual --pty`); mpremote's `exec` took 0.25–0.5 s on the QEMU
 *   firmware, and is timed here too when it is installed;
 * - `--help` from source through tsx (what every run cost before the bundle);
 * - web mode, launch to its URL printed (server and services up), bundle against tsx.
 *   Launch to an interactive REPL in Chromium is `npm run bench ide` (target < 1.5 s).
 * Medians of several runs; wall time, so a busy machine shows in the reference too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Seconds from spawning web mode to the URL it prints once it serves. */
async function timeWebLaunch(args: string[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const userData = mkdtempSync(join(tmpdir(), 'mpstudio-bench-web-'));
    const started = performance.now();
    const web = spawn(process.execPath, [...args, '--port', '0', '--no-open', '--user-data', userData], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => createInterface({ input: web.stdout! }).once('line', resolve));
    times.push((performance.now() - started) / 1000);
    await new Promise((resolve) => {
      web.once('exit', resolve);
      web.kill('SIGTERM');
    });
    rmSync(userData, { recursive: true, force: true });
  }
  return median(times);
}

function timeCommand(command: string, args: string[], expect?: RegExp): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
    times.push((performance.now() - started) / 1000);
    if (run.status !== 0 || (expect && !expect.test(run.stdout))) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  }
  return median(times);
}

const flashDir = mkdtempSync(join(tmpdir(), 'mpstudio-bench-cli-'));
const board = spawn(process.execPath, ['bin/mpstudio.mjs', 'virtual', '--pty', '--flash', flashDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const port = await new Promise<string>((resolve) => createInterface({ input: board.stdout! }).once('line', resolve));
  const node = timeCommand(process.execPath, ['-e', '0']);
  const help = timeCommand(process.execPath, ['bin/mpstudio.mjs', '--help'], /usage: mpstudio/);
  const exec = timeCommand(process.execPath, ['bin/mpstudio.mjs', '--port', port, 'exec', 'print(1)'], /^1\s*$/);
  // From source: what bin/mpstudio.mjs ran before there was a bundle.
  const fromSource = ['--import', 'tsx', '-e', "const { main } = await import('./main/cli/mpstudio.ts'); process.exitCode = await main(process.argv.slice(1));"];
  const helpTsx = timeCommand(process.execPath, [...fromSource, '--', '--help'], /usage: mpstudio/);
  const row = (what: string, seconds: number, note = '') =>
    console.log(`${what.padEnd(44)} ${seconds.toFixed(3)} s  ${(seconds / node).toFixed(1)}× node -e 0${note}`);
  console.log(`reference: node -e 0 ${node.toFixed(3)} s (median of ${RUNS})`);
  row('mpstudio --help', help, `  (target < 0.3 s: ${help < 0.3 ? 'met' : 'NOT met'})`);
  row("mpstudio --port <virtual pty> exec 'print(1)'", exec, `  (mpremote exec 0.25–0.5 s: ${exec <= 0.5 ? 'met' : 'NOT met'})`);
  row('mpstudio --help from source (tsx)', helpTsx, `  (bundle ${(helpTsx / help).toFixed(1)}× faster)`);
  const web = await timeWebLaunch(['bin/web.mjs']);
  const webTsx = await timeWebLaunch(['--import', 'tsx', 'main/web/web-cli.ts']);
  row('web mode: launch to URL printed', web);
  row('web mode from source (tsx)', webTsx, `  (bundle ${(webTsx / web).toFixed(1)}× faster)`);
  const mpremote = spawnSync('mpremote', ['--version'], { encoding: 'utf8' });
  if (mpremote.status === 0) row("mpremote connect <pty> exec 'print(1)'", timeCommand('mpremote', ['connect', port, 'exec', 'print(1)'], /^1\s*$/));
  else console.log('mpremote is not installed here: its 0.25–0.5 s (issue 12, QEMU firmware) is the reference');
} finally {
  board.kill('SIGTERM');
  rmSync(flashDir, { recursive: true, force: true });
}
