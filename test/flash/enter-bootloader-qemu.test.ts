/**
 * "Enter BOOTSEL" against real MicroPython firmware (the micro:bit under QEMU): that
 * firmware has no `machine.bootloader()`, so the board answers with an error and the
 * app must say so, with the button to hold. No RP2 board runs here, so the success
 * path (the board resets and its drive appears) is untested on real parts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionManager } from '../../main/board/connection-manager';
import { enterBootloader } from '../../main/flash/enter-bootloader';
import { FlashError } from '../../main/flash/flash-errors';
import { startQemuMicrobit } from '../support/qemu-microbit';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

describe('Enter BOOTSEL', () => {
  it('refuses when no board is connected', async () => {
    const manager = new ConnectionManager({ lister: async () => [] });
    cleanups.push(() => manager.dispose());
    await expect(enterBootloader(manager)).rejects.toThrow(/No board is connected over USB/);
  });

  it('says so when the board has no machine.bootloader() (micro:bit firmware under QEMU)', async () => {
    const qemu = await startQemuMicrobit();
    cleanups.push(() => qemu.kill());
    const manager = new ConnectionManager({ lister: async () => [] });
    cleanups.push(() => manager.dispose());
    await manager.connect({ kind: 'serial', path: qemu.path });
    const error = await enterBootloader(manager).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlashError);
    expect((error as FlashError).message).toMatch(/did not restart into its bootloader \(AttributeError: .*bootloader/);
    expect((error as FlashError).hint).toMatch(/hold its BOOTSEL/);
    expect(manager.status.state).toBe('idle'); // Still connected: nothing happened to the board.
  });
});
