/** `mpstudio ls [-r] [:PATH]`: lists board files with sizes. */
import { terminalSafe } from '../terminal-safe';
import { EXIT, UsageError, boardPathOf, parseFlags, type CliCommand } from '../command-registry';

export const lsCommand: CliCommand = {
  name: 'ls',
  usage: 'ls [-r] [:PATH]',
  summary: 'list board files (size, path); -r recurses',
  needsBoard: true,
  async run(ctx, args) {
    const { flags, rest } = parseFlags(args, ['-r']);
    if (rest.length > 1) throw new UsageError('expected at most one path');
    const path = rest[0] === undefined ? '/' : (boardPathOf(rest[0]) ?? (rest[0].startsWith('/') ? rest[0] : `/${rest[0]}`));
    const fs = await ctx.fs();
    for (const entry of await fs.list(path, flags.has('-r'))) {
      ctx.out.write(`${String(entry.type === 'dir' ? 0 : entry.size).padStart(9)} ${terminalSafe(entry.path)}${entry.type === 'dir' ? '/' : ''}\n`);
    }
    return EXIT.ok;
  },
};
