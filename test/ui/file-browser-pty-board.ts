/**
 * A virtual board on a pseudo-terminal (`mpstudio virtual --pty`), for tests that
 * must cut a board's link the way an unplug does: stopping the server removes the
 * pty under the app, while the board's flash (a host folder) stays, so a new server
 * on the same flash shows what survived.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from '../support/web-app';

export interface PtyBoard {
  path: string;
  /** Stops the server: the pty is gone, like a pulled cable. */
  cut(): Promise<void>;
}

export async function startPtyBoard(flashDir: string, baudRate?: number): Promise<PtyBoard> {
  const args = ['bin/mpstudio.mjs', 'virtual', '--pty', '--flash', flashDir, ...(baudRate ? ['--baud', String(baudRate)] : [])];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const path = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`mpstudio virtual printed no pty: ${text} ${stderr}`)), 30_000);
    child.stdout.on('data', (data: Buffer) => {
      text += data.toString();
      const line = text.split('\n').find((l) => l.startsWith('/dev/'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mpstudio virtual exited (${code}): ${stderr}`));
    });
  });
  return {
    path,
    async cut() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
