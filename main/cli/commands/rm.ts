/** `mpstudio rm [-r] :PATH...`: removes board files (and folders with -r). */
import { EXIT, UsageError, boardPathOf, parseFlags, type CliCommand } from '../command-registry';

export const rmCommand: CliCommand = {
  name: 'rm',
  usage: 'rm [-r] :PATH...',
  summary: 'remove board files; -r removes folders and their contents',
  needsBoard: true,
  async run(ctx, args) {
    const { flags, rest } = parseFlags(args, ['-r']);
    if (rest.length === 0) throw new UsageError('expected at least one board path');
    const fs = await ctx.fs();
    for (const arg of rest) await fs.remove(boardPathOf(arg) ?? `/${arg.replace(/^\/+/, '')}`, flags.has('-r'));
    return EXIT.ok;
  },
};
