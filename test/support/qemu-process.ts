/**
 * Runs a board's firmware under `qemu-system-arm` with its UART on a pseudo-terminal, and
 * reads back which pty QEMU picked. Shared by the micro:bit and the modern firmware fixtures.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface QemuBoard {
  /** The pty QEMU's UART is on, e.g. `/dev/pts/3`. */
  path: string;
  process: ChildProcess;
  /**
   * False from the moment `kill()` is called. Once QEMU is gone its pty number is free and
   * the next pty anyone makes (another test file's QEMU, a socat pair) gets it at once, so
   * `path` must not be opened again: a fake port lister should stop listing it.
   */
  readonly running: boolean;
  /** Kills QEMU (the "unplug") and resolves once it has exited. */
  kill(): Promise<void>;
}

/** Starts QEMU with `args` (which must include `-serial pty`) and resolves with the pty path. */
export async function startQemu(args: string[]): Promise<QemuBoard> {
  const child = spawn('qemu-system-arm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const path = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`QEMU printed no pty path: ${text}`)), 10_000);
    const onText = (data: Buffer): void => {
      text += data.toString();
      const match = /char device redirected to (\/dev\/pts\/\d+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onText);
    child.stderr?.on('data', onText);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`QEMU exited (${code}): ${text}`));
    });
  });
  let killed = false;
  return {
    path,
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
