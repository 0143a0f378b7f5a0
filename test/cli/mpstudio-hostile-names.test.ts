/**
 * Board file names are data, not terminal commands: the CLI run in-process against the
 * virtual board served on a pty (`mpstudio virtual --pty`), with names holding an OSC title
 * sequence, a clear-screen and a newline, must print them escaped, one entry per line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/mpstudio';
import { terminalSafe } from '../../main/cli/terminal-safe';

const ROOT = new URL('../..', import.meta.url).pathname;
let child: ChildProcess;
let ptyPath: string;
let flashDir: string;

beforeAll(async () => {
  flashDir = mkdtempSync(join(tmpdir(), 'vboard-hostile-'));
  child = spawn(process.execPath, ['bin/mpstudio.mjs', 'virtual', '--pty', '--flash', flashDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  ptyPath = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
}, 30_000);
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(flashDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (b: Buffer) => (stdout += b.toString()));
  err.on('data', (b: Buffer) => (stderr += b.toString()));
  const code = await main(['--port', ptyPath, ...args], { out, err });
  return { code, stdout, stderr };
}

const TITLE_AND_CLEAR = '\x1b]0;TITLE\x07\x1b[2J.py';
const FAKE_ENTRY = 'nl\nfake-entry.py';

describe('mpstudio prints board names escaped', () => {
  it('lists a name with terminal escapes and one with a newline as one safe line each', async () => {
    const made = await cli(['exec', `for n in (${JSON.stringify(TITLE_AND_CLEAR)}, ${JSON.stringify(FAKE_ENTRY)}):\n open(n, "w").close()`]);
    expect(made.code, made.stderr).toBe(0);
    const listed = await cli(['ls']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // No ESC, BEL, or CR reaches the terminal.
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines.some((l) => l.endsWith(' /\\e]0;TITLE\\a\\e[2J.py'))).toBe(true);
    expect(lines.some((l) => l.endsWith(' /nl\\nfake-entry.py'))).toBe(true);
    expect(lines.some((l) => /^\s*\d+ fake-entry\.py$/.test(l))).toBe(false);
  }, 60_000);

  it('escapes a board name quoted in an error message', async () => {
    const failed = await cli(['cat', `:/${TITLE_AND_CLEAR}.missing`]);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).not.toContain('\x1b');
    expect(failed.stderr).toContain('\\e]0;TITLE');
  }, 60_000);

  it('escapes C1 controls and bidi overrides, and keeps printable Unicode', () => {
    expect(terminalSafe('\u009b2J ünï \u202egnp.exe \\')).toBe('\\x9b2J ünï \\u{202e}gnp.exe \\\\');
  });
});
