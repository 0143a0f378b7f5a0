/**
 * `mpstudio`: the board engine from the command line, for scripting and benchmarks.
 *   mpstudio ports
 *   mpstudio [--port PATH] [--baud N] COMMAND [ARGS...]
 * Errors print one clear line (and the board's traceback when there is one) on stderr.
 */
import { BoardError, BoardExecError } from '../board/errors';
import { createCliContext } from './cli-context';
import { EXIT, UsageError, type CliCommand } from './command-registry';
import { COMMANDS } from './commands';
import { terminalSafe } from './terminal-safe';

/** Usages longer than this put their summary on the next line, so one long usage does not push every summary off an 80-column terminal. */
const USAGE_COLUMN = 24;

export function usage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.min(USAGE_COLUMN, Math.max(...commands.map((c) => c.usage.length)));
  const line = (c: CliCommand): string =>
    c.usage.length <= width ? `  ${c.usage.padEnd(width)}  ${c.summary}` : `  ${c.usage}\n  ${' '.repeat(width)}  ${c.summary}`;
  return [
    'usage: mpstudio [--port PATH] [--baud N] COMMAND [ARGS...]',
    '',
    'Board paths start with ":" (e.g. :main.py). Commands:',
    ...commands.map(line),
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and resolves with the exit code. */
export async function main(argv: string[], streams: { out?: NodeJS.WritableStream; err?: NodeJS.WritableStream } = {}): Promise<number> {
  const err = streams.err ?? process.stderr;
  let port: string | null = process.env.MPSTUDIO_PORT ?? null;
  let baudRate = 115200;
  const args = [...argv];
  while (args[0]?.startsWith('--')) {
    const option = args.shift() as string;
    if (option === '--help') {
      (streams.out ?? process.stdout).write(usage() + '\n');
      return EXIT.ok;
    }
    const value = args.shift();
    if (value === undefined) return fail(err, `mpstudio: ${option} needs a value\n${usage()}`, EXIT.usage);
    if (option === '--port') port = value;
    else if (option === '--baud' && /^\d+$/.test(value)) baudRate = Number(value);
    else return fail(err, `mpstudio: unknown option ${option}\n${usage()}`, EXIT.usage);
  }
  const name = args.shift();
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return fail(err, name ? `mpstudio: unknown command "${name}"\n${usage()}` : usage(), EXIT.usage);
  const ctx = createCliContext({ port, baudRate, ...streams });
  try {
    return await command.run(ctx, args);
  } catch (error) {
    return fail(err, describe(error, command), exitCodeOf(error));
  } finally {
    await ctx.close().catch(() => undefined);
  }
}

function describe(error: unknown, command: CliCommand): string {
  if (error instanceof UsageError) return `mpstudio ${command.name}: ${error.message}\nusage: mpstudio ${command.usage}`;
  // Tracebacks and messages quote board file names: escaped, as everything from a board is.
  if (error instanceof BoardExecError) return terminalSafe(error.traceback.replace(/\r\n/g, '\n'), { keepNewlines: true });
  if (error instanceof BoardError) return `mpstudio: ${terminalSafe(error.message)}${error.hint ? `\n${error.hint}` : ''}`;
  return `mpstudio: ${terminalSafe(error instanceof Error ? error.message : String(error))}`;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof BoardError && ['port-not-found', 'port-busy', 'permission-denied', 'timeout', 'no-micropython', 'disconnected'].includes(error.code)) {
    return error.code === 'timeout' || error.code === 'no-micropython' || error.code === 'disconnected' ? EXIT.failed : EXIT.noBoard;
  }
  return EXIT.failed;
}

function fail(err: NodeJS.WritableStream, message: string, code: number): number {
  err.write(message.endsWith('\n') ? message : message + '\n');
  return code;
}
