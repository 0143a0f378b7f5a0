/**
 * Board transfer benchmark against the real micro:bit firmware under QEMU:
 * - wire efficiency of uploads (file bytes ÷ every byte written to the port during the
 *   whole `fs.write`, probe, verify and replace included) for text and random binary,
 *   per strategy; the micro:bit's flat file system holds ~15 KB, so files are 12 KB;
 * - the same encodings on 32 KB files computed offline, beside the anchors (repr
 *   chunks 0.25-0.9, base64 0.75);
 * - upload time against the time the bytes alone take at 115200 baud (QEMU's pty has
 *   no baud limit, so below 1.0 is possible);
 * - latency of a trivial exec against a hand-rolled raw REPL exchange in the same run;
 * - the same uploads at the full 32 KB on the virtual board (MicroPython 1.27, raw-paste,
 *   binascii, sys.stdin.buffer), which shows the modern-board path.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVirtualBoardTransport } from '../runtime/virtual-board-transport';
import type { Transport } from '../main/board/transport';
import { BoardSession } from '../main/board/board-session';
import { DeviceFs } from '../main/board/device-fs';
import type { UploadStrategy } from '../main/board/fs-upload';
import { pyBytesLength } from '../main/board/python-literal';
import { openQemuTransport, startQemuMicrobit } from '../test/support/qemu-microbit';

const FILE_SIZE = 12 * 1024;
const BAUD_BYTES_PER_SECOND = 115200 / 10;

function textOf(size: number): Buffer {
  const line = 'def blink(pin, times=3):\n    for i in range(times):\n        pin.write_digital(1)  # "on"\n';
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Counts every byte written to a transport. */
function countWrites(transport: Transport): { readonly bytes: number; reset(): void } {
  let written = 0;
  const write = transport.write.bind(transport);
  transport.write = (bytes: Uint8Array) => {
    written += bytes.length;
    return write(bytes);
  };
  return {
    get bytes() {
      return written;
    },
    reset: () => (written = 0),
  };
}

async function virtualBoard(): Promise<void> {
  const flashDir = await mkdtemp(join(tmpdir(), 'bench-vb-'));
  const transport = await createVirtualBoardTransport({ flashDir });
  const counter = countWrites(transport);
  const session = await BoardSession.open(transport);
  try {
    const fs = new DeviceFs(session);
    await fs.features();
    console.log('\nuploads of 32 KB to the virtual board (MicroPython 1.27 in WebAssembly, unpaced):');
    for (const strategy of ['raw-receiver', 'exec-literal'] as UploadStrategy[]) {
      for (const [name, data] of [['text', textOf(32 * 1024)], ['random binary', randomBytes(32 * 1024)]] as const) {
        counter.reset();
        const started = performance.now();
        await fs.write('/bench.bin', data, { strategy });
        const ms = performance.now() - started;
        console.log(`  ${strategy.padEnd(13)} ${name.padEnd(14)} wire efficiency ${(data.length / counter.bytes).toFixed(3)}   ${ms.toFixed(0)} ms`);
      }
    }
  } finally {
    await session.close();
    await rm(flashDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log('offline encodings of 32 KB files (file bytes ÷ source bytes):');
  for (const [name, data] of [['text', textOf(32 * 1024)], ['random binary', randomBytes(32 * 1024)]] as const) {
    const literal = data.length / pyBytesLength(data);
    const base64 = data.length / (4 * Math.ceil(data.length / 3) + 10);
    console.log(`  ${name.padEnd(14)} minimal-escape bytes literal ${literal.toFixed(3)}   base64 ${base64.toFixed(3)}   raw receiver 1.000 (before its fixed ~0.7 KB of program)`);
  }

  const qemu = await startQemuMicrobit();
  try {
    const transport = await openQemuTransport(qemu);
    let written = 0;
    const write = transport.write.bind(transport);
    transport.write = (bytes: Uint8Array) => {
      written += bytes.length;
      return write(bytes);
    };
    const session = await BoardSession.open(transport);
    const fs = new DeviceFs(session);
    await fs.features();

    console.log(`\nuploads of ${FILE_SIZE / 1024} KB to the QEMU micro:bit (its file system holds ~15 KB; 12 KB is the largest round size that fits reliably):`);
    for (const strategy of ['raw-receiver', 'exec-literal'] as UploadStrategy[]) {
      for (const [name, data] of [['text', textOf(FILE_SIZE)], ['random binary', randomBytes(FILE_SIZE)]] as const) {
        written = 0;
        const started = performance.now();
        await fs.write('/bench.bin', data, { strategy });
        const seconds = (performance.now() - started) / 1000;
        const baudSeconds = data.length / BAUD_BYTES_PER_SECOND;
        console.log(
          `  ${strategy.padEnd(13)} ${name.padEnd(14)} wire efficiency ${(data.length / written).toFixed(3)}   ${seconds.toFixed(2)} s = ${(seconds / baudSeconds).toFixed(2)}× the ${baudSeconds.toFixed(2)} s the bytes take at 115200 baud`,
        );
        await fs.remove('/bench.bin');
      }
    }

    // Reference: the bare raw REPL exchange for `pass`, hand-rolled on the same link.
    await session.execText('pass');
    const reference: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await session.transport.write(new TextEncoder().encode('pass\x04'));
      await session.incoming.readUntil('\x04>', { timeoutMs: 5000 });
      reference.push(performance.now() - started);
    }
    const ours: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await session.execText('pass');
      ours.push(performance.now() - started);
    }
    const ratio = median(ours) / median(reference);
    console.log(`\ntrivial exec latency: median ${median(ours).toFixed(1)} ms vs ${median(reference).toFixed(1)} ms for a bare raw REPL exchange (ratio ${ratio.toFixed(2)})`);
    await session.close();
  } finally {
    await qemu.kill();
  }
}

await main();
await virtualBoard();
process.exit(0);
