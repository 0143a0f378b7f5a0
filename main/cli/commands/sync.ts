/**
 * `mpstudio sync LOCAL_DIR [:DIR]`: uploads what changed, by content hash (sha256),
 * skipping .git, __pycache__ and .venv. Nothing is deleted on the board.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EXIT, UsageError, boardPathOf, type CliCommand } from '../command-registry';

const IGNORED = new Set(['.git', '__pycache__', '.venv']);

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files.sort();
}

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'sync LOCAL_DIR [:DIR]',
  summary: 'upload the files of LOCAL_DIR that differ on the board (by hash)',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length < 1 || args.length > 2) throw new UsageError('expected LOCAL_DIR and an optional :DIR');
    const local = args[0] as string;
    const remote = args[1] === undefined ? '/' : boardPathOf(args[1] as string);
    if (remote === null) throw new UsageError('the board folder must start with ":"');
    const fs = await ctx.fs();
    const folders = (await fs.features()).folders;
    let uploaded = 0;
    let unchanged = 0;
    for (const file of await walk(local)) {
      const rel = relative(local, file).split(sep).join('/');
      const target = `${remote.replace(/\/+$/, '')}/${rel}`;
      const data = await readFile(file);
      const existing = await fs.stat(target).catch(() => null);
      if (existing?.type === 'file' && existing.size === data.length && (await fs.hash(target)) === createHash('sha256').update(data).digest('hex')) {
        unchanged++;
        continue;
      }
      if (folders) await ensureFolders(fs, target);
      await fs.write(target, data);
      ctx.out.write(`uploaded ${target} (${data.length} bytes)\n`);
      uploaded++;
    }
    ctx.out.write(`${uploaded} uploaded, ${unchanged} unchanged\n`);
    return EXIT.ok;
  },
};

async function ensureFolders(fs: Awaited<ReturnType<Parameters<CliCommand['run']>[0]['fs']>>, target: string): Promise<void> {
  const parts = target.split('/').filter(Boolean).slice(0, -1);
  let path = '';
  for (const part of parts) {
    path += `/${part}`;
    const entry = await fs.stat(path);
    if (!entry) await fs.mkdir(path);
  }
}
