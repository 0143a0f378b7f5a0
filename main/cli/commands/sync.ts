/**
 * `mpstudio sync LOCAL_DIR [:DIR]`: uploads what changed, by content hash (sha256),
 * skipping .git, __pycache__ and .venv. Nothing is deleted on the board. The work is
 * the app's own SyncService (main/sync), so the CLI and the file browser sync alike.
 */
import { resolve } from 'node:path';
import { fixedFolderSettings, LocalFolderService } from '../../local/local-folder';
import { boardFilesFromDeviceFs } from '../../sync/device-board-files';
import { SyncService } from '../../sync/sync-service';
import { EXIT, UsageError, boardPathOf, type CliCommand } from '../command-registry';
import { terminalSafe } from '../terminal-safe';

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'sync LOCAL_DIR [:DIR]',
  summary: 'upload the files of LOCAL_DIR that differ on the board (by hash)',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length < 1 || args.length > 2) throw new UsageError('expected LOCAL_DIR and an optional :DIR');
    const local = resolve(args[0] as string);
    const remote = args[1] === undefined ? '/' : boardPathOf(args[1] as string);
    if (remote === null) throw new UsageError('the board folder must start with ":"');
    const sync = new SyncService(new LocalFolderService(fixedFolderSettings(local)), boardFilesFromDeviceFs(await ctx.fs(), await ctx.session()), () => undefined);
    const plan = await sync.preview({ direction: 'upload', localDir: '', boardDir: remote, deleteExtra: false });
    for (const entry of plan.entries) if (entry.note) ctx.err.write(`skipped ${terminalSafe(entry.path)}: ${terminalSafe(entry.note)}\n`);
    const result = await sync.apply(plan.id);
    const sizes = new Map(plan.entries.map((e) => [`${remote.replace(/\/+$/, '')}/${e.path}`, e.localSize ?? 0]));
    for (const path of result.uploaded) ctx.out.write(`uploaded ${terminalSafe(path)} (${sizes.get(path) ?? 0} bytes)\n`);
    const unchanged = plan.entries.filter((e) => e.status === 'unchanged').length;
    ctx.out.write(`${result.uploaded.length} uploaded, ${unchanged} unchanged\n`);
    if (result.outcome === 'completed') return EXIT.ok;
    ctx.err.write(`mpstudio: ${terminalSafe(result.error?.message ?? 'sync stopped')}\n`);
    return EXIT.failed;
  },
};
