/** `mpstudio reset [--hard]`: soft reset, or a hard reset (machine.reset or DTR/RTS). */
import { terminalSafe } from '../terminal-safe';
import { EXIT, UsageError, parseFlags, type CliCommand } from '../command-registry';

export const resetCommand: CliCommand = {
  name: 'reset',
  usage: 'reset [--hard]',
  summary: 'soft-reset the board; --hard reboots it',
  needsBoard: true,
  async run(ctx, args) {
    const { flags, rest } = parseFlags(args, ['--hard']);
    if (rest.length) throw new UsageError('unexpected arguments');
    const session = await ctx.session();
    if (flags.has('--hard')) await session.hardReset();
    else await session.softReset();
    ctx.out.write(`${terminalSafe(session.info.banner || 'reset')}\n`);
    return EXIT.ok;
  },
};
