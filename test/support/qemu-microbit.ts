/**
 * Starts the real BBC micro:bit MicroPython firmware (Debian's package) under QEMU on a
 * pseudo-terminal, for integration tests and benchmarks. QEMU only notices a reader on a
 * once-a-second poll and drops output until then, so `openTransport` waits for the first
 * bytes (the boot banner) before handing the link over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSerialTransport, type SerialTransport } from '../../main/board/serial-transport';

export const MICROBIT_FIRMWARE = '/usr/share/firmware-microbit-micropython/firmware.hex';

export interface QemuMicrobit {
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

/** Boots the firmware and resolves with the pty path. Always `kill()` it in cleanup. */
export async function startQemuMicrobit(): Promise<QemuMicrobit> {
  const child = spawn(
    'qemu-system-arm',
    ['-M', 'microbit', '-device', `loader,file=${MICROBIT_FIRMWARE}`, '-display', 'none', '-monitor', 'none', '-serial', 'pty'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
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

/** Opens the pty once and waits (up to `firstBytesMs`) for QEMU to start delivering output. */
export async function openQemuTransport(qemu: QemuMicrobit, firstBytesMs = 3000): Promise<SerialTransport> {
  const transport = await openSerialTransport({ path: qemu.path });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, firstBytesMs);
    function done(): void {
      clearTimeout(timer);
      transport.off('data', done);
      resolve();
    }
    transport.on('data', done);
  });
  return transport;
}
