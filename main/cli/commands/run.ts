/** `mpstudio run FILE`: runs a local script on the board with live output; Ctrl-C stops it. */
import { readFile } from 'node:fs/promises';
import { EXIT, UsageError, type CliCommand } from '../command-registry';
import { terminalSafe } from '../terminal-safe';

export const runCommand: CliCommand = {
  name: 'run',
  usage: 'run FILE',
  summary: 'run a local script on the board (Ctrl-C stops it)',
  needsBoard: true,
  async run(ctx, args) {
    if (args.length !== 1) throw new UsageError('expected one local file');
    const source = await readFile(args[0] as string, 'utf8');
    const session = await ctx.session();
    const onSigint = (): void => void session.stop();
    process.on('SIGINT', onSigint);
    try {
      const result = await session.run(source, { onStdout: (bytes) => ctx.out.write(bytes) });
      if (result.traceback) ctx.err.write(terminalSafe(result.traceback.replace(/\r\n/g, '\n'), { keepNewlines: true }) + '\n');
      return result.outcome === 'completed' ? EXIT.ok : EXIT.failed;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
