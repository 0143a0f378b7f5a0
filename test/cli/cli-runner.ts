/** Runs the `mpstudio` CLI as a user does (a child process through bin/mpstudio.mjs), for the CLI tests. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/mpstudio.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { timeout: 60_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** What a failed assertion on a CLI run prints: the child's stderr says why (e.g. which BoardError). */
export const why = (result: CliResult): string => `mpstudio exited ${result.code}; stderr: ${result.stderr || '(empty)'}`;

/** Runs the CLI and expects it to succeed, showing its stderr when it does not. */
export async function ok(args: string[], input?: string): Promise<CliResult> {
  const result = await cli(args, input);
  expect(result.code, why(result)).toBe(0);
  return result;
}
