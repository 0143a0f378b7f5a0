/** `mpstudio cp SRC DST`: copies between host and board; a `:` prefix marks the board side. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EXIT, UsageError, boardPathOf, type CliCommand } from '../command-registry';

export const cpCommand: CliCommand = {
  name: 'cp',
  usage: 'cp SRC DST',
  summary: 'copy a file host→board (cp a.py :a.py) or board→host (cp :a.py a.py)',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length !== 2) throw new UsageError('expected SRC and DST');
    const [src, dst] = args as [string, string];
    const srcBoard = boardPathOf(src);
    const dstBoard = boardPathOf(dst);
    if ((srcBoard === null) === (dstBoard === null)) throw new UsageError('exactly one of SRC and DST must be a board path (starting with ":")');
    const fs = await ctx.fs();
    if (dstBoard !== null) {
      const data = await readFile(src);
      // `:` or `:dir/` means "into that folder, same name".
      const target = dstBoard === '/' || dstBoard.endsWith('/') ? `${dstBoard.replace(/\/+$/, '')}/${basename(src)}` : dstBoard;
      await fs.write(target, data);
      return EXIT.ok;
    }
    const data = await fs.read(srcBoard as string);
    const isDir = await stat(dst).then((s) => s.isDirectory(), () => false);
    await writeFile(isDir ? join(dst, basename(srcBoard as string)) : dst, data);
    return EXIT.ok;
  },
};
