import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard, PROMPT, rawExec } from './board-harness';
import { STAGING_NAME } from '../../runtime/board/flash-store';

describe('virtual board flash: a host folder that lasts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vboard-flash-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps files across transport restarts and shows them in the host folder', async () => {
    const first = await openBoard({}, dir);
    await rawExec(first, "import os\nos.mkdir('lib')\nwith open('lib/util.py', 'w') as f:\n    f.write('VALUE = 41 + 1\\n')\nwith open('data.bin', 'wb') as f:\n    f.write(bytes(range(256)))");
    await first.close();
    expect(readFileSync(join(dir, 'lib', 'util.py'), 'utf8')).toBe('VALUE = 41 + 1\n');
    expect([...readFileSync(join(dir, 'data.bin'))]).toEqual([...Array(256).keys()]);
    const second = await openBoard({}, dir);
    const [out, err] = await rawExec(second, "import util, os\nprint(util.VALUE, sorted(os.listdir('/')), open('data.bin', 'rb').read() == bytes(range(256)))");
    expect(err).toBe('');
    expect(out).toBe("42 ['data.bin', 'lib'] True\r\n");
    await second.close();
  });

  it('supports folders, os.rename, os.stat, hashlib and errno values like an ESP32', async () => {
    const h = await openBoard({}, dir);
    const [out, err] = await rawExec(
      h,
      [
        'import os, hashlib, binascii',
        "os.mkdir('d')",
        "with open('d/a.txt', 'w') as f: f.write('abc')",
        "os.rename('d/a.txt', 'd/b.txt')",
        "print(os.listdir('d'), os.stat('d/b.txt')[6], os.stat('d')[0] == 0x4000)",
        "print(binascii.hexlify(hashlib.sha256(open('d/b.txt','rb').read()).digest()).decode())",
        'for call in (lambda: open("missing.txt"), lambda: os.mkdir("d"), lambda: os.rmdir("d")):',
        '    try:',
        '        call()',
        '    except OSError as e:',
        '        print(e.errno)',
        "os.chdir('d'); print(os.getcwd(), open('b.txt').read()); os.chdir('/')",
        "os.remove('d/b.txt'); os.rmdir('d'); print('d' in os.listdir())",
      ].join('\n'),
    );
    expect(err).toBe('');
    expect(out).toBe(
      "['b.txt'] 3 True\r\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\r\n2\r\n17\r\n39\r\n/d abc\r\nFalse\r\n",
    );
    await h.close();
  });

  it('never exposes its staging folder', async () => {
    const h = await openBoard({}, dir);
    const [out] = await rawExec(h, "import os\nprint([n for n in os.listdir('/') if n.startswith('.')])");
    expect(out).toBe('[]\r\n');
    expect(await h.exchange(`open('/${STAGING_NAME}/x', 'w')\r`, PROMPT)).toContain('OSError: [Errno 13] EACCES');
    await h.close();
  });

  it('keeps the old file whole when the worker dies in the middle of a write', async () => {
    writeFileSync(join(dir, 'config.txt'), 'old contents\n');
    const h = await openBoard({}, dir);
    await h.exchange(
      "f = open('config.txt', 'w')\rf.write('new '); n = 0\rwhile True:\r f.write('x' * 100); n += 1\r if n == 50: print('halfway')\r\r",
      'halfway',
    );
    // Pull the plug: the worker is terminated while the file is open for writing.
    await h.close();
    expect(readFileSync(join(dir, 'config.txt'), 'utf8')).toBe('old contents\n');
    expect(readdirSync(join(dir, STAGING_NAME)).length).toBeGreaterThan(0);
    // The next boot throws the half-written staging copy away.
    const next = await openBoard({}, dir);
    expect(readdirSync(join(dir, STAGING_NAME))).toEqual([]);
    expect(await next.exchange("print(open('config.txt').read())\r", PROMPT)).toContain('old contents\r\n');
    await next.close();
  });

  it('fails a write that does not fit with ENOSPC and keeps the old file', async () => {
    const small = mkdtempSync(join(tmpdir(), 'vboard-small-'));
    writeFileSync(join(small, 'keep.txt'), 'precious');
    const h = await openBoard({ flashSizeBytes: 64 * 1024 }, small);
    const [vfs] = await rawExec(h, "import os\nprint(os.statvfs('/'))");
    expect(vfs).toMatch(/^\(4096, 4096, 16, \d+, \d+, 0, 0, 0, 0, 255\)\r\n$/);
    const [, err] = await rawExec(h, "f = open('keep.txt', 'w')\nf.write('y' * 80000)");
    expect(err).toBe('Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\nOSError: 28\r\n');
    // Until the file is closed, the old version is what the flash holds.
    expect(readFileSync(join(small, 'keep.txt'), 'utf8')).toBe('precious');
    const [after] = await rawExec(h, "f.close()\nimport os\nprint(os.statvfs('/')[3] > 0)");
    expect(after).toBe('True\r\n');
    expect(existsSync(join(small, 'keep.txt'))).toBe(true);
    await h.close();
    rmSync(small, { recursive: true, force: true });
  });
});
