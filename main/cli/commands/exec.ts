/** `mpstudio exec CODE`: runs code on the board, streaming its output. */
import { EXIT, UsageError, type CliCommand } from '../command-registry';

export const execCommand: CliCommand = {
  name: 'exec',
  usage: 'exec CODE',
  summary: 'run CODE on the board and print its output',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length !== 1) throw new UsageError('expected one argument, the code to run');
    const session = await ctx.session();
    await session.exec(args[0] as string, { onStdout: (bytes) => ctx.out.write(bytes), timeoutMs: 2 ** 31 - 1 });
    return EXIT.ok;
  },
};
