/**
 * Faults during a windowed transfer on modern MicroPython under QEMU, through a relay that
 * breaks the link: a cut, a board that stops reading, damaged bytes. Each leaves the old
 * file as it was and fails with a typed error well within the command's timeout; a single
 * damaged frame is resent and the upload succeeds.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { DeviceFs } from '../../main/board/device-fs';
import { BoardError } from '../../main/board/errors';
import { describeOnModernFirmware, openModernTransport, startQemuModern, type QemuBoard } from '../support/qemu-modern';
import { startPtyRelay, type PtyRelay } from '../support/pty-relay';

/** Flips bits of one byte, never into Ctrl-C (that would be an interrupt, not damage). */
const damage = (byte: number): number => (byte ^ 0x55) === 0x03 ? 0x02 : byte ^ 0x55;

describeOnModernFirmware('windowed transfers on the modern firmware survive a broken link', () => {
  let qemu: QemuBoard;
  let relay: PtyRelay;
  let session: BoardSession;
  let fs: DeviceFs;
  const old = Buffer.from('# the old file\n'.repeat(100));
  const fresh = randomBytes(24 * 1024);

  async function connect(): Promise<void> {
    relay = await startPtyRelay(qemu.path);
    session = await BoardSession.open(await openModernTransport(relay));
    fs = new DeviceFs(session);
  }

  /** Starts writing `fresh` over the old file and calls `fault` once 6 KB have gone to the board. */
  async function writeWithFault(fault: () => void): Promise<{ error: unknown; ms: number }> {
    await fs.write('/keep.bin', old);
    const started = Date.now();
    let struck = false;
    const error = await fs
      .write('/keep.bin', fresh, {
        onProgress: (done) => {
          if (!struck && done >= 6 * 1024) {
            struck = true;
            fault();
          }
        },
      })
      .then(() => null, (e: unknown) => e);
    return { error, ms: Date.now() - started };
  }

  // A fresh board per case (it boots in a second): what one fault leaves running on the
  // board is no part of the next case.
  beforeEach(async () => {
    qemu = await startQemuModern();
    await connect();
  }, 60_000);
  afterEach(async () => {
    await session?.close().catch(() => undefined);
    await relay?.close();
    await qemu?.kill();
  });

  it('a cut link fails with a disconnect error and keeps the old file', async () => {
    const { error, ms } = await writeWithFault(() => void relay.cut());
    expect(error).toBeInstanceOf(BoardError);
    expect((error as BoardError).code).toBe('disconnected');
    expect(ms).toBeLessThan(30_000);
    await session.close().catch(() => undefined);
    await relay.close();
    // Straight to QEMU's pty: the cut relay's pty number is free again, and the old
    // handle on it may still hold its lock, so a new relay could not open it.
    session = await BoardSession.open(await openModernTransport(qemu));
    expect(Buffer.from(await new DeviceFs(session).read('/keep.bin')).equals(old)).toBe(true);
  }, 90_000);

  it('a board that stops reading fails with a timeout and keeps the old file', async () => {
    const { error, ms } = await writeWithFault(() => (relay.boardDeaf = true));
    expect(error).toBeInstanceOf(BoardError);
    expect((error as BoardError).code).toBe('timeout');
    expect(ms).toBeLessThan(45_000);
    relay.boardDeaf = false;
    expect(Buffer.from(await fs.read('/keep.bin')).equals(old)).toBe(true);
  }, 90_000);

  it('a damaged frame is sent again and the upload succeeds', async () => {
    const { error } = await writeWithFault(() => {
      relay.tamper = (bytes) => {
        relay.tamper = null; // Once.
        const hit = Uint8Array.from(bytes);
        hit[Math.floor(hit.length / 2)] = damage(hit[Math.floor(hit.length / 2)] as number);
        return hit;
      };
    });
    expect(error).toBeNull();
    expect(Buffer.from(await fs.read('/keep.bin')).equals(fresh)).toBe(true);
  }, 90_000);

  it('a link that keeps damaging bytes fails with a typed error and keeps the old file', async () => {
    const { error, ms } = await writeWithFault(() => {
      relay.tamper = (bytes) => {
        const hit = Uint8Array.from(bytes);
        hit[0] = damage(hit[0] as number);
        return hit;
      };
    });
    relay.tamper = null;
    expect(error).toBeInstanceOf(BoardError);
    // Damage hits the commands too (raw-paste has flow control, not checks): then the board
    // fails to run them. Either way the error is typed and nothing was replaced.
    // Or a damaged Ctrl-D leaves a command unfinished: a timeout.
    expect(['internal', 'board-exec', 'timeout']).toContain((error as BoardError).code);
    expect(ms).toBeLessThan(60_000);
    expect(Buffer.from(await fs.read('/keep.bin')).equals(old)).toBe(true);
  }, 120_000);
});
