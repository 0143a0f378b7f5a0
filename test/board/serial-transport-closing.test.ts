/**
 * A write on a link that is going away settles, with BoardDisconnectedError. serialport
 * closes a port by itself when a read fails (a cut pty), and while it closes and after,
 * it keeps writes and drains "until the port opens again", calling back never: an upload
 * cut mid-frame hung for good (cut-keeps-flash.test.ts, about one run in eight under load).
 */
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardDisconnectedError } from '../../main/board/errors';
import { SerialTransport, openSerialTransport } from '../../main/board/serial-transport';
import { startSocatPair } from '../support/socat-pair';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** Settles with the error, or with 'pending' after `ms`. */
const within = (promise: Promise<unknown>, ms: number): Promise<unknown> =>
  Promise.race([promise.then(() => 'written', (error: unknown) => error), new Promise((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('SerialTransport writes on a closing link', () => {
  it('rejects a write made while serialport closes the port', async () => {
    // serialport's own mock binding: the closing window is too short to hit on demand with a real pty.
    SerialPortMock.binding.createPort('/dev/closing-mock', { echo: false });
    cleanups.push(async () => SerialPortMock.binding.reset());
    const port = new SerialPortMock({ path: '/dev/closing-mock', baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    const transport = new SerialTransport(port as never, '/dev/closing-mock');
    await transport.write(Uint8Array.of(0x41));
    port.close(); // what serialport does itself after a failed read
    const outcome = await within(transport.write(Uint8Array.of(0x42)), 2000);
    expect(outcome).toBeInstanceOf(BoardDisconnectedError);
  });

  it('settles every write of a stream cut by killing socat, within a second', async () => {
    const pair = await startSocatPair();
    cleanups.push(() => pair.kill());
    const peer = await openSerialTransport({ path: pair.peerPath });
    cleanups.push(() => peer.close());
    const host = await openSerialTransport({ path: pair.hostPath });
    cleanups.push(() => host.close());
    // Writes back to back, as an upload's frames go, until one fails.
    let killedAt = 0;
    const streaming = (async () => {
      for (let i = 0; ; i++) {
        if (i === 50) {
          killedAt = Date.now();
          void pair.kill();
        }
        const outcome = await within(host.write(new Uint8Array(64).fill(0x30 + (i % 10))), 5000);
        if (outcome !== 'written') return outcome;
      }
    })();
    expect(await streaming).toBeInstanceOf(BoardDisconnectedError);
    expect(Date.now() - killedAt).toBeLessThan(1000);
  });
});
