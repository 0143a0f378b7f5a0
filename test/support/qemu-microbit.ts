/**
 * Starts the real BBC micro:bit MicroPython firmware (Debian's package) under QEMU on a
 * pseudo-terminal, for integration tests and benchmarks. QEMU only notices a reader on a
 * once-a-second poll and drops output until then, so `openTransport` waits for the first
 * bytes (the boot banner) before handing the link over.
 */
import { openSerialTransport, type SerialTransport } from '../../main/board/serial-transport';
import { startQemu, type QemuBoard } from './qemu-process';

export const MICROBIT_FIRMWARE = '/usr/share/firmware-microbit-micropython/firmware.hex';

/** A micro:bit under QEMU; the same handle as any QEMU board. */
export type QemuMicrobit = QemuBoard;

/** Boots the firmware and resolves with the pty path. Always `kill()` it in cleanup. */
export function startQemuMicrobit(): Promise<QemuMicrobit> {
  return startQemu(['-M', 'microbit', '-device', `loader,file=${MICROBIT_FIRMWARE}`, '-display', 'none', '-monitor', 'none', '-serial', 'pty']);
}

/** Opens the pty once and waits (up to `firstBytesMs`) for QEMU to start delivering output. */
export async function openQemuTransport(qemu: QemuBoard, firstBytesMs = 3000): Promise<SerialTransport> {
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
