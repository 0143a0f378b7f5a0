/** `mpstudio repl`: the board's friendly REPL on this terminal; Ctrl-] leaves. */
import { EXIT, type CliCommand } from '../command-registry';

/** Ctrl-]: leaves the REPL, as in mpremote and telnet. */
const CTRL_CLOSE_BRACKET = 0x1d;

export const replCommand: CliCommand = {
  name: 'repl',
  usage: 'repl',
  summary: 'talk to the board REPL (Ctrl-] to leave)',
  needsBoard: true,
  async run(ctx) {
    const session = await ctx.session({ friendly: true });
    ctx.out.write(session.greeting);
    session.on('terminal', (bytes) => ctx.out.write(bytes));
    const stdin = process.stdin;
    if (stdin.isTTY) stdin.setRawMode(true);
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        const end = chunk.indexOf(CTRL_CLOSE_BRACKET);
        const bytes = end >= 0 ? chunk.subarray(0, end) : chunk;
        // Terminals send LF for Enter when piped; the REPL wants CR.
        if (bytes.length) void session.writeTerminal(stdin.isTTY ? bytes : Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1')).catch(() => undefined);
        if (end >= 0) finish();
      };
      const finish = (): void => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        session.off('closed', finish);
        resolve();
      };
      // At end of piped input, give the board a moment to answer the last line.
      const onEnd = (): void => void setTimeout(finish, 1000);
      stdin.on('data', onData);
      stdin.on('end', onEnd);
      session.on('closed', finish);
    });
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    ctx.out.write('\n');
    return EXIT.ok;
  },
};
