/**
 * `mpstudio mip` as a user runs it (a child process) against real firmware under QEMU,
 * from a local test index: the micro:bit (MicroPython 1.9.2, flat 15 KB file system, no
 * `_mpy`, no hashlib) and the modern firmware (1.29, littlefs with /lib, .mpy v6).
 * Each installs a package with two levels of dependencies and runs it on the board.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { describeOnModernFirmware, openModernTransport, shrinkModernDisk, startQemuModern, type QemuBoard } from '../support/qemu-modern';
import { startPackageIndex, type PackageIndexServer } from '../support/package-index';

const BIN = join(import.meta.dirname, '../../bin/mpstudio.mjs');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { timeout: 120_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

const why = (r: CliResult): string => `mpstudio exited ${r.code}; stdout: ${r.stdout}; stderr: ${r.stderr || '(empty)'}`;

async function ok(args: string[]): Promise<CliResult> {
  const result = await cli(args);
  expect(result.code, why(result)).toBe(0);
  return result;
}

let index: PackageIndexServer;
beforeAll(async () => {
  index = await startPackageIndex({ bigFileBytes: 64_000 });
});
afterAll(async () => {
  await index?.close();
});

describe('mpstudio mip on the QEMU micro:bit (flat file system)', () => {
  let qemu: QemuMicrobit;
  let port: string[];
  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    port = ['--port', qemu.path];
  });
  afterAll(async () => {
    await qemu?.kill();
  });

  it('installs a package with two levels of dependencies into the root, and it runs', async () => {
    const result = await ok([...port, 'mip', 'install', '--index', index.url, 'mpst_greet']);
    expect(result.stdout).toContain('to / (source)');
    for (const name of ['mpst_greet.py', 'mpst_fmt.py', 'mpst_base.py']) expect(result.stdout).toContain(`Installing: /${name}`);
    expect(index.requests).toContain('/package/py/mpst_greet/latest.json'); // no _mpy on 1.9.2: source
    // Nested imports three deep overflow the micro:bit's C stack; deepest first works (the CLI says so).
    expect(result.stdout).toContain('Note: on the micro:bit, import dependencies first: import mpst_base, mpst_fmt, mpst_greet');
    const run = await ok([...port, 'exec', "import mpst_base, mpst_fmt, mpst_greet\nprint(mpst_greet.greet('bit'))"]);
    expect(run.stdout.trim()).toBe('*HELLO BIT*');
    // The imported modules stay in the 16 KB heap; a soft reset frees it for what follows.
    await ok([...port, 'reset']);
    const again = await ok([...port, 'mip', 'install', '--index', index.url, 'mpst_greet']);
    expect(again.stdout).toContain('Exists: /mpst_base.py');
    expect(again.stdout).toContain('0 installed, 3 already there');
    const list = await ok([...port, 'mip', 'list']);
    expect(list.stdout).toContain('mpst_greet 1.0.0\n');
    expect(list.stdout).toContain('mpst_base 1.0.0 (dependency)');
  });

  it('refuses a package that needs folders, saying why, and writes nothing', async () => {
    const before = (await ok([...port, 'ls'])).stdout;
    const result = await cli([...port, 'mip', 'install', '--index', index.url, 'mpst_tree']);
    expect(result.code, why(result)).toBe(1);
    expect(result.stderr).toMatch(/mpst_tree needs folders .*flat.*Nothing was written/);
    expect((await ok([...port, 'ls'])).stdout).toBe(before);
  });

  it('fills the board midway: the files of that install are removed again, the others stay', async () => {
    const before = (await ok([...port, 'ls'])).stdout;
    const result = await cli([...port, 'mip', 'install', '--index', index.url, 'mpst_big']);
    expect(result.code, why(result)).toBe(1);
    expect(result.stderr).toMatch(/space/i);
    expect(result.stdout).toContain('Failed: /mpst_big.py');
    expect((await ok([...port, 'ls'])).stdout).toBe(before);
    const run = await ok([...port, 'exec', "import mpst_base, mpst_fmt, mpst_greet\nprint(mpst_greet.greet('still'))"]);
    expect(run.stdout.trim()).toBe('*HELLO STILL*');
    await ok([...port, 'reset']);
  });

  it('removes a package with mip remove', async () => {
    await ok([...port, 'mip', 'remove', 'mpst_greet']);
    const ls = (await ok([...port, 'ls'])).stdout;
    expect(ls).not.toContain('mpst_greet.py');
    expect(ls).toContain('mpst_fmt.py'); // dependencies stay unless --with-deps
  });
});

describeOnModernFirmware('mpstudio mip on the modern firmware (littlefs, .mpy v6)', () => {
  let qemu: QemuBoard;
  let port: string[];
  beforeAll(async () => {
    qemu = await startQemuModern();
    port = ['--port', qemu.path];
    // A small disk from the start (the filler is a hidden file in /): room for the small
    // packages, not for mpst_big's 64 KB. Filling it later would need the REPL back first.
    const transport = await openModernTransport(qemu);
    try {
      await shrinkModernDisk(transport, 40 * 1024);
    } finally {
      await transport.close();
    }
  }, 180_000);
  afterAll(async () => {
    await qemu?.kill();
  });

  it('installs into /lib with the .mpy variant, and it runs', async () => {
    const result = await ok([...port, 'mip', 'install', '--index', index.url, 'mpst_greet']);
    expect(result.stdout).toContain('to /lib (.mpy v6)');
    expect(result.stdout).toContain('Installing: /lib/mpst_base.mpy');
    const run = await ok([...port, 'exec', "import mpst_greet, mpst_base\nprint(mpst_greet.greet('arm'), mpst_base.KIND)"]);
    expect(run.stdout.trim()).toBe('*HELLO ARM* mpy');
  });

  it('installs a package in folders, with --no-mpy and a version, and removes it', async () => {
    await ok([...port, 'mip', 'install', '--index', index.url, '--no-mpy', 'mpst_tree@2.0.0']);
    const run = await ok([...port, 'exec', 'import mpst_tree\nprint(mpst_tree.leaf())']);
    expect(run.stdout.trim()).toBe('leaf:*HELLO TREE*');
    await ok([...port, 'mip', 'remove', 'mpst_tree']);
    expect((await ok([...port, 'ls', ':lib'])).stdout).not.toContain('mpst_tree');
  });

  it('refuses a hash mismatch and a missing file, writing nothing', async () => {
    const before = (await ok([...port, 'ls', '-r', ':lib'])).stdout;
    const bad = await cli([...port, 'mip', 'install', '--index', index.url, 'mpst_tampered']);
    expect(bad.code, why(bad)).toBe(1);
    expect(bad.stderr).toMatch(/Hash mismatch for mpst_tampered\.py/);
    const missing = await cli([...port, 'mip', 'install', '--index', index.url, 'mpst_missing']);
    expect(missing.code, why(missing)).toBe(1);
    expect(missing.stderr).toMatch(/File not found in the index: mpst_absent\.py/);
    const silent = await cli([...port, 'mip', 'install', '--index', 'http://127.0.0.1:1/pi', 'mpst_greet']);
    expect(silent.code, why(silent)).toBe(1);
    expect(silent.stderr).toMatch(/Connection refused/);
    expect((await ok([...port, 'ls', '-r', ':lib'])).stdout).toBe(before);
  });

  it('a full board gets none of a package', async () => {
    const before = (await ok([...port, 'ls', '-r', ':lib'])).stdout;
    const result = await cli([...port, 'mip', 'install', '--index', index.url, 'mpst_big']);
    expect(result.code, why(result)).toBe(1);
    expect(result.stderr).toMatch(/space/i);
    expect((await ok([...port, 'ls', '-r', ':lib'])).stdout).toBe(before);
  });
});
