/**
 * The `mpstudio` CLI as a user runs it (a child process through bin/mpstudio.mjs)
 * against the real micro:bit firmware under QEMU. Each command opens the pty anew,
 * as separate invocations of a real CLI do.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { answerToEnter, cli, ok, why } from './cli-runner';

describe('mpstudio CLI against the QEMU micro:bit', () => {
  let qemu: QemuMicrobit;
  let dir: string;
  let port: string[];

  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    port = ['--port', qemu.path];
    dir = await mkdtemp(join(tmpdir(), 'mpstudio-cli-'));
  });
  afterAll(async () => {
    await qemu?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints usage and exits 2 on an unknown command', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('usage: mpstudio');
  });

  it('exits 3 with a clear message when the port does not exist', async () => {
    const result = await cli(['--port', '/dev/no-such-port', 'exec', 'print(1)']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('No serial port at /dev/no-such-port');
  });

  it('hands the board back at its friendly prompt, as mpremote does', async () => {
    await ok([...port, 'exec', 'x_left = 1']);
    const answer = await answerToEnter(qemu.path);
    expect(answer).toContain('>>> ');
    expect(answer).not.toContain('raw REPL');
  });

  it('execs code and prints its output', async () => {
    const result = await ok([...port, 'exec', 'print(6*7)']);
    expect(result.stdout.trim()).toBe('42');
  });

  it('prints the traceback and exits 1 when the code raises', async () => {
    const result = await cli([...port, 'exec', 'import nosuchmodule']);
    expect(result.code, why(result)).toBe(1);
    expect(result.stderr).toContain('ImportError');
  });

  it('copies files both ways, lists, cats, moves and removes them', async () => {
    const local = join(dir, 'hello.py');
    await writeFile(local, 'print("hello from a file")\n');
    await ok([...port, 'cp', local, ':hello.py']);
    const ls = await ok([...port, 'ls']);
    expect(ls.stdout).toMatch(/\s27 \/hello\.py/);
    expect((await ok([...port, 'cat', ':hello.py'])).stdout).toBe('print("hello from a file")\n');
    await ok([...port, 'mv', ':hello.py', ':moved.py']);
    const back = join(dir, 'back.py');
    await ok([...port, 'cp', ':moved.py', back]);
    expect(await readFile(back, 'utf8')).toBe('print("hello from a file")\n');
    await ok([...port, 'rm', ':moved.py']);
    const missing = await cli([...port, 'cat', ':moved.py']);
    expect(missing.code, why(missing)).toBe(1);
    expect(missing.stderr).toContain('No such file on the board: /moved.py');
  });

  it('says why mkdir and df cannot work on a flat file system', async () => {
    const mk = await cli([...port, 'mkdir', ':lib']);
    expect(mk.code, why(mk)).toBe(1);
    expect(mk.stderr).toMatch(/flat/);
    const df = await cli([...port, 'df']);
    expect(df.code, why(df)).toBe(1);
    expect(df.stderr).toMatch(/statvfs/);
  });

  it('runs a local script with live output', async () => {
    const script = join(dir, 'count.py');
    await writeFile(script, 'for i in range(3):\n    print("tick", i)\n');
    const result = await ok([...port, 'run', script]);
    expect(result.stdout.replace(/\r/g, '')).toBe('tick 0\ntick 1\ntick 2\n');
  });

  it('syncs only what changed, by hash', async () => {
    // Safe to retry: a fresh local folder each attempt, and none of its files on the board yet.
    const project = await mkdtemp(join(dir, 'project-'));
    await ok([...port, 'exec', "import os\n[os.remove(n) for n in os.listdir() if n in ('main.py','util.py')]"]);
    await writeFile(join(project, 'main.py'), 'x = 1\n');
    await writeFile(join(project, 'util.py'), 'y = 2\n');
    const first = await ok([...port, 'sync', project]);
    expect(first.stdout).toContain('2 uploaded, 0 unchanged');
    await writeFile(join(project, 'util.py'), 'y = 3\n');
    const second = await ok([...port, 'sync', project]);
    expect(second.stdout).toContain('uploaded /util.py');
    expect(second.stdout).toContain('1 uploaded, 1 unchanged');
    expect((await ok([...port, 'cat', ':util.py'])).stdout).toBe('y = 3\n');
    // Sub-folders cannot exist on the micro:bit: they are skipped with a reason.
    await mkdir(join(project, 'lib'));
    await writeFile(join(project, 'lib', 'deep.py'), 'z = 1\n');
    const third = await ok([...port, 'sync', project]);
    expect(third.stderr).toMatch(/skipped lib\/deep\.py: .*folders/);
    expect(third.stdout).toContain('0 uploaded, 2 unchanged');
  });

  it('soft-resets and hard-resets, keeping files', async () => {
    const kept = join(dir, 'kept.py');
    await writeFile(kept, 'x = 1\n');
    await ok([...port, 'cp', kept, ':']);
    const soft = await ok([...port, 'reset']);
    expect(soft.stdout).toContain('MicroPython v1.9.2');
    await ok([...port, 'reset', '--hard']);
    expect((await ok([...port, 'cat', ':kept.py'])).stdout).toBe('x = 1\n');
  });

  it('talks to the REPL from piped input', async () => {
    const result = await ok([...port, 'repl'], 'print(2**10)\n');
    expect(result.stdout).toContain('1024');
    expect(result.stdout).not.toContain('raw REPL');
  });
});
