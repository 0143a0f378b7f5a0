/** `mpstudio cat :PATH`: prints a board file. */
import { EXIT, UsageError, boardPathOf, type CliCommand } from '../command-registry';

export const catCommand: CliCommand = {
  name: 'cat',
  usage: 'cat :PATH',
  summary: 'print a board file',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length !== 1) throw new UsageError('expected one board path');
    const path = boardPathOf(args[0] as string) ?? `/${(args[0] as string).replace(/^\/+/, '')}`;
    ctx.out.write(await (await ctx.fs()).read(path));
    return EXIT.ok;
  },
};
