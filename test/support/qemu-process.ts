/**
 * Runs a board's firmware under `qemu-system-arm` with its UART on a pseudo-terminal, and
 * reads back which pty QEMU picked. Shared by the micro:bit and the modern firmware fixtures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  /** Presses the board's reset button: QEMU's `system_reset`, through its monitor. */
  pressReset(): Promise<void>;
}

/**
 * Starts QEMU with `args` (which must include `-serial pty`) and resolves with the pty path.
 * A `-monitor none` in `args` becomes a monitor on a private socket, for `pressReset`.
 */
export async function startQemu(args: string[]): Promise<QemuBoard> {
  const monitor = join(tmpdir(), `mpstudio-qemu-${randomBytes(6).toString('hex')}.monitor`);
  const withMonitor = args.map((arg, i) => (arg === 'none' && args[i - 1] === '-monitor' ? `unix:${monitor},server,nowait` : arg));
  const child = spawn('qemu-system-arm', withMonitor, { stdio: ['ignore', 'pipe', 'pipe'] });
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
      await rm(monitor, { force: true });
    },
    pressReset: () =>
      new Promise<void>((resolve, reject) => {
        const socket = createConnection(monitor, () => socket.end('system_reset\n'));
        socket.on('error', reject);
        socket.on('close', () => resolve());
        socket.resume();
      }),
  };
}
