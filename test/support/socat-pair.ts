/**
 * A linked pair of real pseudo-terminals from `socat`: a test sits on one end as a
 * scripted peer while the code under test opens the other. Killing socat cuts the link.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface SocatPair {
  /** The end the code under test opens. */
  hostPath: string;
  /** The end the scripted peer opens. */
  peerPath: string;
  process: ChildProcess;
  /** False once `kill()` was called: the pty numbers are then free for anyone's next pty, so the paths must not be opened again. */
  readonly running: boolean;
  kill(): Promise<void>;
}

export async function startSocatPair(): Promise<SocatPair> {
  const child = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const paths = await new Promise<string[]>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`socat printed no pty paths: ${text}`)), 10_000);
    child.stderr?.on('data', (data: Buffer) => {
      text += data.toString();
      const found = [...text.matchAll(/PTY is (\/dev\/pts\/\d+)/g)].map((m) => m[1] as string);
      if (found.length === 2) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited (${code}): ${text}`));
    });
  });
  let killed = false;
  return {
    hostPath: paths[0] as string,
    peerPath: paths[1] as string,
    process: child,
    get running() {
      return !killed && child.exitCode === null && child.signalCode === null;
    },
    async kill() {
      killed = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
