/**
 * What a CLI command is: a name, its usage line, and a `run` that returns the exit code.
 * Commands live one per file in `commands/`; `commands/index.ts` lists them, so adding
 * one is one line there.
 */
import type { CliContext } from './cli-context';

export interface CliCommand {
  name: string;
  /** e.g. `ls [-r] [PATH]`. */
  usage: string;
  summary: string;
  /** False for commands that need no board (`ports`). */
  needsBoard: boolean;
  run(ctx: CliContext, args: string[]): Promise<number>;
}

/** Exit codes, like mpremote's: 0 fine, 1 the operation failed, 2 bad usage, 3 no board. */
export const EXIT = { ok: 0, failed: 1, usage: 2, noBoard: 3 } as const;

/** Thrown by commands for bad arguments; printed with the command's usage. */
export class UsageError extends Error {}

/** Splits `-r`-style flags from positional arguments. */
export function parseFlags(args: string[], known: readonly string[]): { flags: Set<string>; rest: string[] } {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}`);
      flags.add(arg);
    } else rest.push(arg);
  }
  return { flags, rest };
}

/** `:path` is a board path (`:` alone is the root); returns null for host paths. */
export function boardPathOf(arg: string): string | null {
  if (!arg.startsWith(':')) return null;
  const path = arg.slice(1);
  return path.startsWith('/') ? path : `/${path}`;
}
