/** Runs the `mpstudio` CLI as a user does (a child process through bin/mpstudio.mjs), for the CLI tests. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openSerialTransport } from '../../main/board/serial-transport';

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

/**
 * What the board says to an Enter on its port once the CLI is done: `>>> ` when it was
 * handed back at the friendly REPL, nothing at all when it was left in the raw REPL.
 */
export async function answerToEnter(path: string, waitMs = 3000): Promise<string> {
  const transport = await openSerialTransport({ path });
  let text = '';
  try {
    const prompt = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      transport.on('data', (bytes) => {
        text += Buffer.from(bytes).toString('latin1');
        if (text.includes('>>> ')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await transport.write(Buffer.from('\r'));
    await prompt;
  } finally {
    await transport.close();
  }
  return text;
}
