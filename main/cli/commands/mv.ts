/** `mpstudio mv :FROM :TO`: renames a board file. */
import { EXIT, UsageError, boardPathOf, type CliCommand } from '../command-registry';

export const mvCommand: CliCommand = {
  name: 'mv',
  usage: 'mv :FROM :TO',
  summary: 'rename a board file (copies then removes where the firmware has no rename)',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length !== 2) throw new UsageError('expected FROM and TO');
    const [from, to] = args.map((a) => boardPathOf(a) ?? `/${a.replace(/^\/+/, '')}`) as [string, string];
    await (await ctx.fs()).rename(from, to);
    return EXIT.ok;
  },
};
