/** `mpstudio df`: the board's flash size and free space. */
import { EXIT, type CliCommand } from '../command-registry';

export const dfCommand: CliCommand = {
  name: 'df',
  usage: 'df',
  summary: 'show total and free space on the board',
  needsBoard: true,
  async run(ctx) {
    const space = await (await ctx.fs()).space();
    ctx.out.write(`total ${space.total} used ${space.total - space.free} free ${space.free}\n`);
    return EXIT.ok;
  },
};
