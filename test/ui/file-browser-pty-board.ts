/**
 * A virtual board on a pseudo-terminal, for tests that must cut a board's link the
 * way an unplug does: socat runs the board process and offers it as `/dev/pts/N`;
 * killing socat cuts the link while the board's flash (a host folder) stays, so a new
 * link to the same flash shows what survived.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../support/web-app';

export interface PtyBoard {
  path: string;
  /** Kills socat and the board process: the link is gone, like a pulled cable. */
  cut(): Promise<void>;
}

export async function startPtyBoard(flashDir: string, baudRate?: number): Promise<PtyBoard> {
  const command = `${process.execPath} --import tsx test/ui/file-browser-serve-virtual-board.ts ${flashDir}${baudRate ? ` ${baudRate}` : ''}`;
  const child: ChildProcess = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', `EXEC:${command}`], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const path = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`socat printed no pty: ${text}`)), 15_000);
    child.stderr?.on('data', (data: Buffer) => {
      text += data.toString();
      const match = /PTY is (\/dev\/pts\/\d+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited (${code}): ${text}`));
    });
  });
  return {
    path,
    async cut() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
