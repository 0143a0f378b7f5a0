/**
 * Modern MicroPython (v1.29-preview, `ports/qemu` board MPS2_AN385) under QEMU on a
 * pseudo-terminal: raw-paste, littlefs with folders, rename, Ctrl-C, boot.py/main.py.
 * See ../shared/firmware/README.md. The image is a test fixture outside this repository:
 * found at `../shared/firmware/mps2-an385/firmware.elf` or `$MPSTUDIO_QEMU_FIRMWARE`.
 * Without it, tests that need it fail under CI=true and are reported as skipped elsewhere.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { openSerialTransport, type SerialTransport } from '../../main/board/serial-transport';
import { startQemu, type QemuBoard } from './qemu-process';

export type { QemuBoard } from './qemu-process';

/** Where the image is looked for: the environment variable wins over the shared folder. */
export const MODERN_FIRMWARE = resolve(process.env.MPSTUDIO_QEMU_FIRMWARE || join(import.meta.dirname, '../../../shared/firmware/mps2-an385/firmware.elf'));

/**
 * Why modern-firmware tests cannot run here, or undefined when they can. Under CI a
 * missing image is a failure: this throws, which fails the test file that asked.
 */
export function modernFirmwareSkipReason(): string | undefined {
  if (existsSync(MODERN_FIRMWARE)) return undefined;
  const reason = `modern MicroPython firmware image not found at ${MODERN_FIRMWARE} (set MPSTUDIO_QEMU_FIRMWARE to its path)`;
  if (process.env.CI === 'true') throw new Error(`CI needs the modern firmware: ${reason}`);
  return reason;
}

/**
 * `describe` for a block that needs the modern firmware. Without the image (outside CI) the
 * block is reported as skipped, the reason in its name and printed on stderr.
 */
export function describeOnModernFirmware(name: string, body: () => void): void {
  const reason = modernFirmwareSkipReason();
  if (reason) console.warn(`[skipped] ${name}: ${reason}`);
  describe.skipIf(reason !== undefined)(reason ? `${name} (skipped: ${reason})` : name, body);
}

/** Boots the modern firmware with an empty 2 MiB disk. Always `kill()` it in cleanup. */
export function startQemuModern(): Promise<QemuBoard> {
  // -semihosting: the firmware uses it at boot and for its clock (shared/firmware/README.md).
  return startQemu(['-machine', 'mps2-an385', '-nographic', '-monitor', 'none', '-semihosting', '-serial', 'pty', '-kernel', MODERN_FIRMWARE]);
}

/** How often to poke the idle REPL until QEMU delivers output: it polls for a reader once a second. */
const POKE_EVERY_MS = 250;

/**
 * Opens the pty once and waits until the board's output reaches us. The firmware boots in
 * well under a second and prints its banner into a pty nobody reads yet (QEMU drops it), so
 * the board is poked now and then until it answers: Ctrl-C (stops a program still reading
 * stdin, say an upload cut short) then Ctrl-B (prints the banner, from either REPL).
 */
export async function openModernTransport(qemu: Pick<QemuBoard, 'path'>, firstBytesMs = 10_000): Promise<SerialTransport> {
  const transport = await openSerialTransport({ path: qemu.path });
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const poke = setInterval(() => {
      if (Date.now() - started > firstBytesMs) {
        finish();
        reject(new Error(`The modern firmware on ${qemu.path} printed nothing within ${firstBytesMs} ms.`));
      } else void transport.write(Uint8Array.of(0x03, 0x02)).catch(() => undefined);
    }, POKE_EVERY_MS);
    function finish(): void {
      clearInterval(poke);
      transport.off('data', arrived);
    }
    function arrived(): void {
      finish();
      resolve();
    }
    transport.on('data', arrived);
  });
  return transport;
}

/**
 * Fills the board's 2 MiB disk with a hidden file (written on the board, so no bytes cross
 * the link) until about `leaveFree` bytes are free, and resolves with the free bytes then.
 * Disk-full and largest-file tests would otherwise move megabytes at 10 KB/s. Speaks the
 * raw REPL by hand on the bare link, before any session owns it. Takes ~20 s (littlefs under
 * QEMU writes ~100 KB/s): allow for it in the hook's timeout.
 */
export async function shrinkModernDisk(transport: SerialTransport, leaveFree: number): Promise<number> {
  const source = `import os\n_s=os.statvfs('/')\n_n=_s[0]*_s[3]-${leaveFree}\n_f=open('/.disk-filler','wb')\n_b=bytes(32768)\nwhile _n>0:\n _f.write(_b[:min(_n,32768)])\n _n-=32768\n_f.close()\n_s=os.statvfs('/')\nprint(_s[0]*_s[3])\n`;
  let text = '';
  const collect = (chunk: Uint8Array): void => void (text += Buffer.from(chunk).toString('latin1'));
  transport.on('data', collect);
  const waitFor = async (marker: string, what: string): Promise<void> => {
    // littlefs under QEMU writes ~100 KB/s, far less on a loaded host: 2 MB take 20 s to minutes.
    const deadline = Date.now() + 240_000;
    while (!text.includes(marker)) {
      if (Date.now() > deadline) throw new Error(`${what}; the board said: ${JSON.stringify(text)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    // Ctrl-C (stop), Ctrl-A (raw REPL); the program, Ctrl-D (run); Ctrl-B back to `>>> `.
    await transport.write(Uint8Array.of(0x03, 0x01));
    await waitFor('raw REPL; CTRL-B to exit\r\n>', 'no raw REPL');
    text = '';
    await transport.write(new TextEncoder().encode(`${source}\x04`));
    await waitFor('\x04>', 'the disk filler did not finish');
    const free = Number(/OK(\d+)/.exec(text)?.[1]);
    if (!Number.isFinite(free)) throw new Error(`The disk filler failed: ${JSON.stringify(text)}`);
    text = '';
    await transport.write(Uint8Array.of(0x02));
    await waitFor('>>> ', 'no friendly prompt after the disk filler');
    return free;
  } finally {
    transport.off('data', collect);
  }
}
