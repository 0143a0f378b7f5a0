/**
 * The `mpstudio` CLI as a user runs it against modern MicroPython (v1.29) under QEMU:
 * raw-paste, folders, rename, `rm -r`, sync into sub-folders, free space, and binary files
 * large enough for the windowed upload and streamed download. Each command opens the pty
 * anew, as separate invocations of a real CLI do.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnModernFirmware, startQemuModern, type QemuBoard } from '../support/qemu-modern';
import { answerToEnter, cli, ok, why } from './cli-runner';

describeOnModernFirmware('mpstudio CLI against the modern firmware under QEMU', () => {
  let qemu: QemuBoard;
  let dir: string;
  let port: string[];

  beforeAll(async () => {
    qemu = await startQemuModern();
    port = ['--port', qemu.path];
    dir = await mkdtemp(join(tmpdir(), 'mpstudio-cli-modern-'));
  });
  afterAll(async () => {
    await qemu?.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('execs code, and exits 1 with the traceback when it raises', async () => {
    expect((await ok([...port, 'exec', 'print(6*7)'])).stdout.trim()).toBe('42');
    const failed = await cli([...port, 'exec', 'import nosuchmodule']);
    expect(failed.code, why(failed)).toBe(1);
    expect(failed.stderr).toContain('ImportError');
  });

  it('hands the board back at its friendly prompt, as mpremote does', async () => {
    await ok([...port, 'exec', 'x_left = 1']);
    const answer = await answerToEnter(qemu.path);
    expect(answer).toContain('>>> ');
    expect(answer).not.toContain('raw REPL');
  });

  it('makes folders, copies into them, lists them recursively, renames and removes them with -r', async () => {
    const local = join(dir, 'driver.py');
    await writeFile(local, 'VALUE = 1\n');
    await ok([...port, 'mkdir', ':lib']);
    await ok([...port, 'cp', local, ':lib/']);
    await ok([...port, 'mv', ':lib/driver.py', ':lib/renamed.py']);
    const listing = (await ok([...port, 'ls', '-r'])).stdout;
    expect(listing).toMatch(/\s0 \/lib\//);
    expect(listing).toMatch(/\s10 \/lib\/renamed\.py/);
    expect(listing).not.toContain('driver.py');
    expect((await ok([...port, 'cat', ':lib/renamed.py'])).stdout).toBe('VALUE = 1\n');
    await ok([...port, 'rm', '-r', ':lib']);
    expect((await ok([...port, 'ls'])).stdout).not.toContain('/lib');
  });

  it('copies a binary file with every byte value both ways', async () => {
    const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(20 * 1024)]);
    const local = join(dir, 'blob.bin');
    await writeFile(local, data);
    await ok([...port, 'cp', local, ':blob.bin']);
    const back = join(dir, 'blob-back.bin');
    await ok([...port, 'cp', ':blob.bin', back]);
    expect((await readFile(back)).equals(data)).toBe(true);
    await ok([...port, 'rm', ':blob.bin']);
  }, 120_000);

  it('reports free space', async () => {
    const df = await ok([...port, 'df']);
    expect(df.stdout).toMatch(/\d/);
  });

  it('syncs a project with sub-folders, then only what changed', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, 'lib'), { recursive: true });
    await writeFile(join(project, 'main.py'), 'import lib.util\n');
    await writeFile(join(project, 'lib', 'util.py'), 'y = 2\n');
    const first = await ok([...port, 'sync', project, ':app']);
    expect(first.stdout).toContain('2 uploaded, 0 unchanged');
    await writeFile(join(project, 'lib', 'util.py'), 'y = 3\n');
    const second = await ok([...port, 'sync', project, ':app']);
    expect(second.stdout).toContain('uploaded /app/lib/util.py');
    expect(second.stdout).toContain('1 uploaded, 1 unchanged');
    expect((await ok([...port, 'cat', ':app/lib/util.py'])).stdout).toBe('y = 3\n');
  }, 120_000);

  it('runs a local script with live output', async () => {
    const script = join(dir, 'count.py');
    await writeFile(script, 'for i in range(3):\n    print("tick", i)\n');
    expect((await ok([...port, 'run', script])).stdout.replace(/\r/g, '')).toBe('tick 0\ntick 1\ntick 2\n');
  });

  it('soft-resets and hard-resets, keeping files', async () => {
    const kept = join(dir, 'kept.py');
    await writeFile(kept, 'x = 1\n');
    await ok([...port, 'cp', kept, ':']);
    expect((await ok([...port, 'reset'])).stdout).toContain('MicroPython v1.29');
    await ok([...port, 'reset', '--hard']);
    expect((await ok([...port, 'cat', ':kept.py'])).stdout).toBe('x = 1\n');
  });

  it('talks to the REPL from piped input', async () => {
    const result = await ok([...port, 'repl'], 'print(2**10)\n');
    expect(result.stdout).toContain('1024');
    expect(result.stdout).not.toContain('raw REPL');
  });
});
