/** `mpstudio mkdir :PATH`: makes a board folder. */
import { EXIT, UsageError, boardPathOf, type CliCommand } from '../command-registry';

export const mkdirCommand: CliCommand = {
  name: 'mkdir',
  usage: 'mkdir :PATH',
  summary: 'make a board folder',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length !== 1) throw new UsageError('expected one board path');
    await (await ctx.fs()).mkdir(boardPathOf(args[0] as string) ?? `/${(args[0] as string).replace(/^\/+/, '')}`);
    return EXIT.ok;
  },
};
