/**
 * Board transfers at 115200 baud, per board, as a ratio to the time the file's bytes alone
 * take on that line (10 bits a byte, the virtual board's own UART arithmetic), and to the
 * bytes alone measured in the same run on the same link (a board program that only reads,
 * or only prints, as many bytes):
 * - the virtual board served by `mpstudio virtual --pty --baud 115200`;
 * - the micro:bit (MicroPython 1.9.2) and the modern firmware (MicroPython 1.29) under
 *   QEMU, each behind a relay that paces both directions at 115200 (QEMU's pty has no
 *   baud limit; the modern firmware itself takes in ~10-17 KB/s);
 * upload and download of 32 KB of text and of random binary (12 KB on the micro:bit, whose
 * file system holds ~15 KB), through the engine and through the CLI (its start-up included);
 * on the modern firmware also 50 small files synced and `ls -r` of 200 files in 20 folders,
 * with how many raw-REPL entries and board commands they took; and CLI start-up against
 * `node -e 0` in the same run.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoardSession } from '../main/board/board-session';
import { CTRL_A } from '../main/board/control-bytes';
import { DeviceFs } from '../main/board/device-fs';
import { openSerialTransport } from '../main/board/serial-transport';
import { fixedFolderSettings, LocalFolderService } from '../main/local/local-folder';
import { boardFilesFromDeviceFs } from '../main/sync/device-board-files';
import { SyncService } from '../main/sync/sync-service';
import { UartPacer } from '../runtime/uart-pacer';
import { startPtyRelay } from '../test/support/pty-relay';
import { startQemuMicrobit } from '../test/support/qemu-microbit';
import { modernFirmwareSkipReason, openModernTransport, startQemuModern } from '../test/support/qemu-modern';

const BAUD = 115_200;
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/mpstudio.mjs');

const bytesAloneSeconds = (bytes: number): number => new UartPacer(BAUD).durationMs(bytes) / 1000;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
/** Seconds, and their ratio to the line time of `bytes` at BAUD. */
const ratio = (seconds: number, bytes: number): string => `${seconds.toFixed(2)} s = ${(seconds / bytesAloneSeconds(bytes)).toFixed(2)}× line time`;

function textOf(size: number): Buffer {
  const line = 'def blink(pin, times=3):\n    for i in range(times):\n        pin.write_digital(1)  # "on"\n';
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

/** Runs `node args` and resolves with the seconds it took; rejects when it fails. */
function timeNode(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`node ${args.join(' ')}: ${stderr || error.message}`));
      else resolve((performance.now() - started) / 1000);
    });
  });
}

interface BenchBoard {
  label: string;
  path: string;
  fileSize: number;
  /** Also time the CLI's `cp` both ways, start-up included. */
  cli: boolean;
  stop(): Promise<void>;
}

async function virtualBoard(): Promise<BenchBoard> {
  const flash = await mkdtemp(join(tmpdir(), 'bench-vb-'));
  const child = spawn(process.execPath, [CLI, 'virtual', '--pty', '--baud', String(BAUD), '--flash', flash], { stdio: ['ignore', 'pipe', 'pipe'] });
  const path = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.once('exit', (code) => reject(new Error(`mpstudio virtual exited ${code}`)));
  });
  return {
    label: `virtual board (mpstudio virtual --pty --baud ${BAUD})`,
    path,
    fileSize: 32 * 1024,
    cli: true,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(flash, { recursive: true, force: true });
    },
  };
}

async function qemuBoard(label: string, start: typeof startQemuMicrobit, fileSize: number, cli: boolean): Promise<BenchBoard> {
  const qemu = await start();
  const relay = await startPtyRelay(qemu.path, { baud: BAUD });
  // Wake the link once (QEMU drops output until it notices a reader), then let go of it.
  await (await openModernTransport(relay)).close();
  return {
    label: `${label}, relayed at ${BAUD} baud`,
    path: relay.path,
    fileSize,
    cli,
    async stop() {
      await relay.close();
      await qemu.kill();
    },
  };
}

/** Counts raw-REPL entries (Ctrl-A at a prompt) and board commands. */
function countTraffic(session: BoardSession): { rawEntries: number; commands: number; reset(): void } {
  const counts = { rawEntries: 0, commands: 0, reset: () => ((counts.rawEntries = 0), (counts.commands = 0)) };
  const write = session.transport.write.bind(session.transport);
  session.transport.write = (bytes: Uint8Array) => {
    if (bytes.length === 1 && bytes[0] === CTRL_A) counts.rawEntries++;
    return write(bytes);
  };
  const exec = session.exec.bind(session);
  session.exec = (source, options) => {
    counts.commands++;
    return exec(source, options);
  };
  return counts;
}

async function manySmallFiles(session: BoardSession, fs: DeviceFs, work: string): Promise<void> {
  const traffic = countTraffic(session);
  const project = join(work, 'project');
  let total = 0;
  for (let i = 0; i < 50; i++) {
    const folder = join(project, `pkg${i % 5}`);
    await mkdir(folder, { recursive: true });
    const size = 1024 + ((i * 613) % 3072);
    total += size;
    await writeFile(join(folder, `m${i}.py`), textOf(size));
  }
  const sync = new SyncService(new LocalFolderService(fixedFolderSettings(project)), boardFilesFromDeviceFs(fs, session), () => undefined);
  traffic.reset();
  let started = performance.now();
  const plan = await sync.preview({ direction: 'upload', localDir: '', boardDir: '/sync', deleteExtra: false });
  const result = await sync.apply(plan.id);
  if (result.outcome !== 'completed' || result.uploaded.length !== 50) throw new Error(`sync: ${JSON.stringify(result.error ?? result.outcome)}`);
  console.log(`  sync of 50 files (1-4 KB, ${(total / 1024).toFixed(0)} KB): ${ratio((performance.now() - started) / 1000, total)}, ${traffic.rawEntries} raw-REPL entries, ${traffic.commands} board commands`);

  await session.exec(`import os\nfor d in range(20):\n os.mkdir('/tree%d'%d)\n for f in range(10):\n  open('/tree%d/f%d.py'%(d,f),'w').write('x=1\\n')`, { timeoutMs: 60_000 });
  traffic.reset();
  started = performance.now();
  const entries = (await fs.list('/', true)).filter((entry) => entry.path.startsWith('/tree'));
  console.log(`  ls -r of ${entries.filter((e) => e.type === 'file').length} files in ${entries.filter((e) => e.type === 'dir').length} folders: ${((performance.now() - started) / 1000).toFixed(2)} s, ${traffic.commands} board command(s)`);
}

/**
 * The reference measured in the same run on the same link: `size` bytes pushed to a board
 * program that only reads them, and printed by one that only writes them. It carries the
 * machine's load and the link's real speed, as the transfers do.
 */
async function measuredBytesAlone(session: BoardSession, size: number): Promise<{ up: number; down: number }> {
  let ready = false;
  const reading = session.exec(`import sys\nsys.stdout.write('R')\nn=0\nwhile n<${size}:\n n+=len(sys.stdin.buffer.read(min(256,${size}-n)))`, {
    timeoutMs: 120_000,
    onStdout: () => (ready = true),
  });
  while (!ready) await new Promise((resolve) => setTimeout(resolve, 5));
  let started = performance.now();
  await session.transport.write(Buffer.alloc(size, 0x41));
  await reading;
  const up = (performance.now() - started) / 1000;
  started = performance.now();
  await session.exec(`import sys\nsys.stdout.buffer.write(b'A'*${size})`, { timeoutMs: 120_000 });
  return { up, down: (performance.now() - started) / 1000 };
}

async function benchBoard(board: BenchBoard, work: string): Promise<void> {
  console.log(`\n${board.label}:`);
  const session = await BoardSession.open(await openSerialTransport({ path: board.path }), { connectTimeoutMs: 20_000 });
  const fs = new DeviceFs(session);
  await fs.features();
  const files = [['text', textOf(board.fileSize)], ['random binary', randomBytes(board.fileSize)]] as const;
  // The micro:bit drops bytes written at full speed (PROTOCOL.md): no measured reference there.
  const measured = board.label.startsWith('micro:bit') ? null : await measuredBytesAlone(session, board.fileSize);
  if (measured) console.log(`  measured bytes alone, ${(board.fileSize / 1024).toFixed(0)} KB: up ${measured.up.toFixed(2)} s, down ${measured.down.toFixed(2)} s (line time ${bytesAloneSeconds(board.fileSize).toFixed(2)} s)`);
  const vsMeasured = (seconds: number, reference: number | undefined): string => (reference ? ` (${(seconds / reference).toFixed(2)}× measured)` : '');
  for (const [name, data] of files) {
    let started = performance.now();
    await fs.write('/bench.bin', data);
    const up = (performance.now() - started) / 1000;
    started = performance.now();
    const back = await fs.read('/bench.bin');
    const down = (performance.now() - started) / 1000;
    if (!Buffer.from(back).equals(data)) throw new Error(`${name}: read back differs`);
    console.log(`  ${(data.length / 1024).toFixed(0)} KB ${name.padEnd(13)} up ${ratio(up, data.length)}${vsMeasured(up, measured?.up)}   down ${ratio(down, data.length)}${vsMeasured(down, measured?.down)}`);
    await fs.remove('/bench.bin'); // The micro:bit holds one such file, not two.
  }
  if (board.label.startsWith('modern')) await manySmallFiles(session, fs, work);
  await session.close();
  if (!board.cli) return;
  const [, data] = files[1];
  const local = join(work, 'random.bin');
  await writeFile(local, data);
  // Medians of three, each a separate CLI run as a user types them one after another.
  const ups: number[] = [];
  const downs: number[] = [];
  for (let i = 0; i < 3; i++) {
    ups.push(await timeNode([CLI, '--port', board.path, 'cp', local, ':/cli.bin']));
    downs.push(await timeNode([CLI, '--port', board.path, 'cp', ':/cli.bin', join(work, 'back.bin')]));
  }
  const up = median(ups);
  const down = median(downs);
  console.log(`  CLI cp, start-up included (median of 3): ${(data.length / 1024).toFixed(0)} KB random binary up ${ratio(up, data.length)}   down ${ratio(down, data.length)}   (target ≤ 1.2×)`);
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-transfer-'));
  try {
    const node: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < 3; i++) {
      node.push(await timeNode(['-e', '0']));
      help.push(await timeNode([CLI, '--help']));
    }
    console.log(`CLI start-up: mpstudio --help ${median(help).toFixed(2)} s against node -e 0 ${median(node).toFixed(2)} s (${(median(help) / median(node)).toFixed(1)}×)`);
    console.log(`bytes alone at ${BAUD} baud: 32 KB take ${bytesAloneSeconds(32 * 1024).toFixed(2)} s`);

    const only = process.env.BENCH_BOARD; // e.g. `modern`: one board only
    let makers: (() => Promise<BenchBoard>)[] = [virtualBoard, () => qemuBoard('micro:bit (MicroPython 1.9.2, QEMU)', startQemuMicrobit, 12 * 1024, false)];
    const skip = modernFirmwareSkipReason();
    if (skip) console.log(`\nmodern firmware: skipped, ${skip}`);
    else makers.push(() => qemuBoard('modern firmware (MicroPython 1.29, QEMU)', startQemuModern, 32 * 1024, true));
    if (only) makers = makers.filter((_, i) => ['virtual', 'micro:bit', 'modern'][i] === only);
    for (const make of makers) {
      const board = await make();
      try {
        await benchBoard(board, work);
      } finally {
        await board.stop();
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
