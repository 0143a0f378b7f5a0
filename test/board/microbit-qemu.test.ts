/** The shared board scenarios against the real micro:bit firmware under QEMU, over SerialTransport. */
import { describeBoardScenarios } from './scenarios/board-scenarios';
import { openQemuTransport, startQemuMicrobit } from '../support/qemu-microbit';

describeBoardScenarios('QEMU micro:bit (MicroPython 1.9.2)', async () => {
  const qemu = await startQemuMicrobit();
  const transport = await openQemuTransport(qemu);
  return {
    transport,
    flatFs: true,
    rawPaste: false,
    // The micro:bit's file system fills up at about 15 KB (PROTOCOL.md).
    fsCapacity: 15 * 1024,
    cleanup: async () => {
      await transport.close();
      await qemu.kill();
    },
  };
});
