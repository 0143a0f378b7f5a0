/** The shared board scenarios against modern MicroPython (v1.29-preview) under QEMU, over SerialTransport. */
import { describeBoardScenarios } from './scenarios/board-scenarios';
import { modernFirmwareSkipReason, openModernTransport, shrinkModernDisk, startQemuModern } from '../support/qemu-modern';

describeBoardScenarios(
  'QEMU modern firmware (MicroPython 1.29)',
  async () => {
    const qemu = await startQemuModern();
    const transport = await openModernTransport(qemu);
    // The 2 MiB disk is filled on the board down to ~40 KB free, so disk-full comes quickly at 10 KB/s.
    const free = await shrinkModernDisk(transport, 40 * 1024);
    return {
      transport,
      flatFs: false,
      // littlefs keeps a couple of 4 KB blocks for metadata: leave them out of what fits.
      fsCapacity: free - 2 * 4096,
      cleanup: async () => {
        await transport.close();
        await qemu.kill();
      },
    };
  },
  modernFirmwareSkipReason(),
);
