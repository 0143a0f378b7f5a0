/**
 * The IDE against real MicroPython firmware: the BBC micro:bit under QEMU, reached
 * by web mode through its pseudo-terminal as a serial port. The same scenarios as
 * the virtual board, on a slow board with a tiny heap and a paced UART.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { connectSerial, openIde, type Ide } from './ide-driver';
import { ideScenarios } from './ide-scenarios';

describe('IDE with the QEMU micro:bit', () => {
  let ide: Ide;
  let qemu: QemuMicrobit;
  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
    await qemu?.kill();
  });

  ideScenarios({
    name: 'microbit',
    ide: () => ide,
    connect: (page) => connectSerial(page, qemu.path),
    pause: 'sum(range(300))',
    timeout: 45_000,
  });

  it('raised no page errors', () => {
    expect(ide.errors).toEqual([]);
  });
});
