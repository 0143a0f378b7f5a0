/**
 * Sync end to end on the engine level: the real virtual board (WASM MicroPython in a
 * worker) behind the board engine's BoardSession and DeviceFs, a real local folder,
 * and SyncService. Preview/apply, the second sync moving nothing, changes found by
 * hash (same size, other content), deletions only when asked, the ignore list,
 * downloads, a cancelled upload and a cut link that both leave the old file intact.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { DeviceFs } from '../../main/board/device-fs';
import { fixedFolderSettings, LocalFolderService } from '../../main/local/local-folder';
import type { BoardFiles } from '../../main/sync/board-files';
import { boardFilesFromDeviceFs } from '../../main/sync/device-board-files';
import { SyncService } from '../../main/sync/sync-service';
import type { SyncProgress } from '../../preload/contract-types';
import { createVirtualBoardTransport } from '../../runtime/start-virtual-board';

const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

interface Rig {
  session: BoardSession;
  board: BoardFiles;
  close(): Promise<void>;
}

async function openRig(flashDir: string, baudRate?: number): Promise<Rig> {
  const transport = await createVirtualBoardTransport({ flashDir, ...(baudRate && { baudRate }) });
  const session = await BoardSession.open(transport);
  return { session, board: boardFilesFromDeviceFs(new DeviceFs(session), session), close: () => session.close() };
}

describe('SyncService on the virtual board', () => {
  let base: string;
  let project: string;
  let rig: Rig;
  let local: LocalFolderService;
  let sync: SyncService;
  const progress: SyncProgress[] = [];

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-sync-'));
    project = join(base, 'project');
    await mkdir(join(project, 'lib', 'drivers'), { recursive: true });
    await mkdir(join(project, '.git'), { recursive: true });
    await mkdir(join(project, 'lib', '__pycache__'), { recursive: true });
    await writeFile(join(project, 'main.py'), 'import lib.util\nprint(lib.util.X)\n');
    await writeFile(join(project, 'boot.py'), '# boot\n');
    await writeFile(join(project, 'lib', 'util.py'), 'X = 1\n');
    await writeFile(join(project, 'lib', 'drivers', 'sensor.py'), 'class Sensor:\n    pass\n');
    await writeFile(join(project, 'with space ünï.py'), 'print("ü")\n');
    await writeFile(join(project, 'notes.bak'), 'ignored by the user pattern');
    await writeFile(join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await writeFile(join(project, 'lib', '__pycache__', 'util.mpy'), 'junk');
    rig = await openRig(join(base, 'flash'));
    local = new LocalFolderService(fixedFolderSettings(project, ['*.bak']));
    sync = new SyncService(local, rig.board, (p) => progress.push(p));
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('previews everything as new, honouring the ignore list, then uploads it', async () => {
    const plan = await sync.preview({ direction: 'upload', localDir: '', boardDir: '/', deleteExtra: false });
    expect(plan.entries.map((e) => [e.path, e.status, e.action])).toEqual([
      ['boot.py', 'new', 'upload'],
      ['lib/drivers/sensor.py', 'new', 'upload'],
      ['lib/util.py', 'new', 'upload'],
      ['main.py', 'new', 'upload'],
      ['with space ünï.py', 'new', 'upload'],
    ]);
    expect(plan.ignored).toBe(3);
    const result = await sync.apply(plan.id);
    expect(result).toMatchObject({ outcome: 'completed', deleted: [] });
    expect(result.uploaded.sort()).toEqual(['/boot.py', '/lib/drivers/sensor.py', '/lib/util.py', '/main.py', '/with space ünï.py']);
    expect(text(await rig.board.read('/lib/drivers/sensor.py'))).toBe('class Sensor:\n    pass\n');
    expect(await rig.board.hash('/with space ünï.py')).toBe(sha('print("ü")\n'));
    expect(progress.at(-1)).toMatchObject({ id: plan.id, phase: 'done', filesDone: 5, filesTotal: 5, bytesDone: result.bytes });
  });

  it('finds nothing to do on the second sync and uploads nothing', async () => {
    const plan = await sync.preview({ direction: 'upload', localDir: '', boardDir: '/', deleteExtra: true });
    expect(plan.entries.every((e) => e.status === 'unchanged' && e.action === 'none')).toBe(true);
    expect(plan.bytesToTransfer).toBe(0);
    const result = await sync.apply(plan.id);
    expect(result).toMatchObject({ outcome: 'completed', uploaded: [], deleted: [], bytes: 0 });
  });

  it('finds a same-size edit by hash, new and board-only files, and deletes only when asked', async () => {
    await writeFile(join(project, 'lib', 'util.py'), 'X = 2\n');
    await writeFile(join(project, 'extra.py'), 'E = 1\n');
    await rm(join(project, 'boot.py'));
    const plan = await sync.preview({ direction: 'upload', localDir: '', boardDir: '/', deleteExtra: true });
    const changed = plan.entries.filter((e) => e.status !== 'unchanged').map((e) => [e.path, e.status, e.action]);
    expect(changed).toEqual([
      ['boot.py', 'board-only', 'delete'],
      ['extra.py', 'new', 'upload'],
      ['lib/util.py', 'changed', 'upload'],
    ]);
    // Applied with deletion switched off: boot.py stays on the board.
    const kept = await sync.apply(plan.id, false);
    expect(kept.deleted).toEqual([]);
    expect(kept.uploaded.sort()).toEqual(['/extra.py', '/lib/util.py']);
    expect(await rig.board.stat('/boot.py')).not.toBeNull();
    const again = await sync.preview({ direction: 'upload', localDir: '', boardDir: '/', deleteExtra: true });
    expect((await sync.apply(again.id)).deleted).toEqual(['/boot.py']);
    expect(await rig.board.stat('/boot.py')).toBeNull();
    await expect(sync.apply(again.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('downloads the board into a new local folder with the same preview', async () => {
    await rig.board.write('/board_only.py', new TextEncoder().encode('B = 1\n'));
    const plan = await sync.preview({ direction: 'download', localDir: 'backup', boardDir: '/', deleteExtra: false });
    expect(plan.entries.every((e) => e.status === 'new' && e.action === 'download')).toBe(true);
    expect(plan.entries.map((e) => e.path)).toContain('board_only.py');
    const result = await sync.apply(plan.id);
    expect(result.outcome).toBe('completed');
    expect(await readFile(join(project, 'backup', 'lib', 'util.py'), 'utf8')).toBe('X = 2\n');
    expect(await readFile(join(project, 'backup', 'board_only.py'), 'utf8')).toBe('B = 1\n');
    const second = await sync.preview({ direction: 'download', localDir: 'backup', boardDir: '/', deleteExtra: false });
    expect(second.entries.every((e) => e.status === 'unchanged')).toBe(true);
  });

  it('refuses a missing source folder instead of treating it as empty', async () => {
    await expect(sync.preview({ direction: 'upload', localDir: 'no-such-dir', boardDir: '/', deleteExtra: true })).rejects.toMatchObject({ code: 'not-found' });
    await expect(sync.preview({ direction: 'download', localDir: 'x', boardDir: '/no-such-dir', deleteExtra: true })).rejects.toMatchObject({ code: 'not-found' });
    const nowhere = new SyncService(new LocalFolderService(fixedFolderSettings('')), rig.board, () => undefined);
    await expect(nowhere.preview({ direction: 'upload', localDir: '', boardDir: '/', deleteExtra: true })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('copies chosen local files and folders to a board folder, and back', async () => {
    const up = await sync.copyToBoard(['lib', 'main.py'], '/app', 'copy-up');
    expect(up.outcome).toBe('completed');
    expect(up.uploaded.sort()).toEqual(['/app/lib/drivers/sensor.py', '/app/lib/util.py', '/app/main.py']);
    const down = await sync.copyToLocal(['/app'], 'restored', 'copy-down');
    expect(down.outcome).toBe('completed');
    expect(await readFile(join(project, 'restored', 'app', 'lib', 'drivers', 'sensor.py'), 'utf8')).toBe('class Sensor:\n    pass\n');
  });
});

describe('SyncService: interrupted uploads on a 115200-baud virtual board', () => {
  let base: string;
  let project: string;
  const big = new Uint8Array(40_000).map((_, i) => 33 + (i % 90));
  const old = new TextEncoder().encode('# the old version\n');

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-sync-cut-'));
    project = join(base, 'project');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'big.py'), big);
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('a cancel mid-upload leaves the old file intact', async () => {
    const rig = await openRig(join(base, 'flash-cancel'), 115_200);
    try {
      await rig.board.write('/big.py', old);
      // Cancel once the upload is under way: the progress event marks its start.
      const sync: SyncService = new SyncService(new LocalFolderService(fixedFolderSettings(project)), rig.board, (p) => {
        if (p.phase === 'transferring' && p.file === '/big.py') setTimeout(() => void sync.cancel('cancel-me'), 800);
      });
      const result = await sync.copyToBoard(['big.py'], '/', 'cancel-me');
      expect(result.outcome).toBe('cancelled');
      expect(result.uploaded).toEqual([]);
      expect(text(await rig.board.read('/big.py'))).toBe(text(old));
      expect((await rig.board.list('/', true)).map((e) => e.path)).toEqual(['/big.py']);
    } finally {
      await rig.close();
    }
  });

  it('a cut link mid-upload fails in plain words and leaves the old file intact', async () => {
    const flash = join(base, 'flash-cut');
    const rig = await openRig(flash, 115_200);
    await rig.board.write('/big.py', old);
    const sync = new SyncService(new LocalFolderService(fixedFolderSettings(project)), rig.board, (p) => {
      if (p.phase === 'transferring' && p.file === '/big.py') setTimeout(() => void rig.session.transport.close(), 800);
    });
    const result = await sync.copyToBoard(['big.py'], '/', 'cut');
    expect(result.outcome).toBe('failed');
    expect(['disconnected', 'not-connected']).toContain(result.error?.code);
    // A new connection to the same flash still has the old file, and no half-written one.
    const again = await openRig(flash);
    try {
      expect(text(await again.board.read('/big.py'))).toBe(text(old));
      expect((await again.board.list('/', true)).map((e) => e.path)).toEqual(['/big.py']);
    } finally {
      await again.close();
    }
  });
});
