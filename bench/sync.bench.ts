/**
 * Sync benchmark: a 50-file, 300 KB project synced to the virtual board over a
 * simulated 115200-baud link, through the board engine (BoardSession, DeviceFs) and
 * SyncService exactly as the app runs them. Reports the first sync in seconds and as
 * a ratio to the bytes-alone time (the project's bytes on the same 8N1 line, from the
 * virtual board's own UART pacer), and the second, unchanged, sync in seconds. The
 * reference is line time rather than a timed loop: on a loaded machine a loop of
 * short timers overshoots and would flatter the sync.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoardSession } from '../main/board/board-session';
import { DeviceFs } from '../main/board/device-fs';
import { fixedFolderSettings, LocalFolderService } from '../main/local/local-folder';
import { boardFilesFromDeviceFs } from '../main/sync/device-board-files';
import { SyncService } from '../main/sync/sync-service';
import { createVirtualBoardTransport } from '../runtime/start-virtual-board';
import { UartPacer } from '../runtime/uart-pacer';

const BAUD = 115_200;
const FILES = 50;
const TOTAL_BYTES = 300 * 1024;

/** Python-looking text of exactly `size` bytes, different per file. */
function pythonSource(seed: number, size: number): Uint8Array {
  let text = `# module ${seed}\n`;
  for (let i = 0; text.length < size; i++) {
    text += `def f${seed}_${i}(x, y=${i}):\n    """Return a mix of ${seed} and ${i}."""\n    return (x * ${i + 1} + y) % ${97 + seed}\n\n`;
  }
  return new TextEncoder().encode(text.slice(0, size));
}

/** Seconds the bytes alone take on the wire: the pacer's own arithmetic (10 bits a byte). */
function bytesAloneSeconds(bytes: number): number {
  return new UartPacer(BAUD).durationMs(bytes) / 1000;
}

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), 'mpstudio-sync-bench-'));
  const project = join(base, 'project');
  const folders = ['', 'lib', 'lib/drivers', 'app'];
  for (const folder of folders) await mkdir(join(project, folder), { recursive: true });
  let written = 0;
  for (let i = 0; i < FILES; i++) {
    // Sizes vary around the mean (1.5 KB to 10.5 KB) and add up to exactly 300 KB.
    const size = i === FILES - 1 ? TOTAL_BYTES - written : Math.round((TOTAL_BYTES / FILES) * (0.25 + ((i * 37) % 50) / 33.3));
    written += size;
    await writeFile(join(project, folders[i % folders.length]!, `module_${i}.py`), pythonSource(i, size));
  }

  const transport = await createVirtualBoardTransport({ flashDir: join(base, 'flash'), baudRate: BAUD });
  const session = await BoardSession.open(transport, { connectTimeoutMs: 20_000 });
  try {
    const sync = new SyncService(new LocalFolderService(fixedFolderSettings(project)), boardFilesFromDeviceFs(new DeviceFs(session), session), () => undefined);
    const request = { direction: 'upload' as const, localDir: '', boardDir: '/', deleteExtra: false };

    const reference = bytesAloneSeconds(TOTAL_BYTES);

    let started = performance.now();
    const firstPlan = await sync.preview(request);
    const first = await sync.apply(firstPlan.id);
    const firstSeconds = (performance.now() - started) / 1000;
    if (first.outcome !== 'completed' || first.uploaded.length !== FILES) throw new Error(`first sync: ${JSON.stringify(first.error ?? first.outcome)}`);

    started = performance.now();
    const secondPlan = await sync.preview(request);
    const second = await sync.apply(secondPlan.id);
    const secondSeconds = (performance.now() - started) / 1000;
    if (second.outcome !== 'completed' || second.uploaded.length !== 0) throw new Error('second sync uploaded files');

    console.log(`project: ${FILES} files, ${(TOTAL_BYTES / 1024).toFixed(0)} KB; link: virtual board at ${BAUD} baud`);
    console.log(`bytes alone on the ${BAUD}-baud line (reference): ${reference.toFixed(2)} s`);
    console.log(`first sync (preview + upload of ${first.uploaded.length} files): ${firstSeconds.toFixed(2)} s = ${(firstSeconds / reference).toFixed(2)}× the bytes-alone time`);
    console.log(`second sync (preview, nothing to upload): ${secondSeconds.toFixed(2)} s = ${(secondSeconds / reference).toFixed(3)}× the bytes-alone time`);
  } finally {
    await session.close();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
