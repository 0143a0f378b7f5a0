/**
 * Integration scenarios every board link must pass, run against the QEMU micro:bit and
 * (by the virtual-board work) the virtual board: connect, exec with output and with a
 * traceback, interrupting a loop, soft reset, programs printing prompts, and the file
 * round trip with hostile names, empty and binary files, the largest file and disk full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSession } from '../../../main/board/board-session';
import { DeviceFs } from '../../../main/board/device-fs';
import { BoardExecError, DiskFullError } from '../../../main/board/errors';
import type { Transport } from '../../../main/board/transport';

export interface BoardFixture {
  transport: Transport;
  /** True when the board has no folders (micro:bit). */
  flatFs: boolean;
  /** Roughly how many bytes the file system holds, for the largest-file and disk-full cases. */
  fsCapacity: number;
  /** Whether the firmware has raw-paste (1.14 and later), when the fixture knows. */
  rawPaste?: boolean;
  cleanup(): Promise<void>;
}

export const HOSTILE_NAMES = ["a'b.py", 'x\\ny.py', 'x\ny.py', '"); import os; os.remove("main.py") #', 'ünïcödé.py', 'with space.py'];

/**
 * Registers the scenarios for one board. `skipReason` (a missing firmware image outside CI)
 * reports them as skipped, the reason printed and in the block's name.
 */
export function describeBoardScenarios(label: string, openFixture: () => Promise<BoardFixture>, skipReason?: string): void {
  if (skipReason) console.warn(`[skipped] board scenarios: ${label}: ${skipReason}`);
  describe.skipIf(skipReason !== undefined)(`board scenarios: ${label}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let fixture: BoardFixture;
    let session: BoardSession;
    let fs: DeviceFs;
    const terminal: string[] = [];

    beforeAll(async () => {
      fixture = await openFixture();
      session = await BoardSession.open(fixture.transport);
      session.on('terminal', (bytes) => terminal.push(Buffer.from(bytes).toString('utf8')));
      fs = new DeviceFs(session);
    }, 300_000); // A fixture may prepare its board first (the modern firmware's disk is filled to make it small).
    afterAll(async () => {
      await session?.close();
      await fixture?.cleanup();
    });

    it('connects and reads the banner and version', () => {
      expect(session.info.banner).toMatch(/MicroPython v\d/);
      expect(session.info.version).toMatch(/^\d+\.\d+/);
      expect(session.greeting).toContain('>>> ');
    });

    it('sends commands by raw-paste exactly where the firmware has it', async () => {
      await session.execText('pass');
      if (fixture.rawPaste !== undefined) expect(session.rawPaste.kind === 'supported').toBe(fixture.rawPaste);
      // A command longer than several raw-paste windows arrives whole.
      // (One global only: the micro:bit's 16 KB heap has no room to spare.)
      const long = `n_long = 0\n${'n_long += 1\n'.repeat(60)}print(n_long)\ndel n_long`;
      expect((await session.execText(long)).trim()).toBe('60');
    });

    it('execs with streamed output', async () => {
      const chunks: string[] = [];
      const out = await session.execText('for i in range(3):\n print("line", i)', { onStdout: (b) => chunks.push(Buffer.from(b).toString()) });
      expect(out.replace(/\r/g, '')).toBe('line 0\nline 1\nline 2\n');
      expect(chunks.join('')).toBe(out);
    });

    it('turns a traceback into a typed error', async () => {
      const streamedError: string[] = [];
      const error = await session.execText('def f():\n return 1/0\nf()', { onStderr: (b) => streamedError.push(Buffer.from(b).toString()) }).catch((e: unknown) => e);
      expect(streamedError.join('')).toContain('ZeroDivisionError');
      expect(error).toBeInstanceOf(BoardExecError);
      expect((error as BoardExecError).exceptionType).toBe('ZeroDivisionError');
      expect((error as BoardExecError).traceback).toMatch(/Traceback/);
      const os = await session.execText('raise OSError(28)').catch((e: unknown) => e);
      expect((os as BoardExecError).errno).toBe(28);
    });

    it('interrupts a while True loop and stays usable', async () => {
      const run = session.run('n=0\nwhile True:\n n+=1');
      await new Promise((r) => setTimeout(r, 300));
      await session.stop();
      const result = await run;
      expect(result.outcome).toBe('stopped');
      expect(await session.execText('print(6*7)')).toContain('42');
    });

    it("does not stop a run started right after Stop with Stop's repeated Ctrl-Cs", async () => {
      const first = session.run('n=0\nwhile True:\n n+=1');
      await new Promise((r) => setTimeout(r, 300));
      const stopping = session.stop();
      expect((await first).outcome).toBe('stopped');
      // F5 at once, as a user does: Stop is still making sure the first run ended.
      const second = session.run('n=0\nwhile True:\n n+=1');
      let ended = false;
      void second.then(() => (ended = true));
      await stopping;
      await new Promise((r) => setTimeout(r, 600));
      expect(ended).toBe(false);
      await session.stop();
      expect((await second).outcome).toBe('stopped');
    });

    it('calls off a run that Stop caught before it started: nothing runs, and the board stays usable', async () => {
      terminal.length = 0;
      await session.writeTerminal('\r'); // At the friendly prompt: the run has a prompt to leave and prove first.
      await expect.poll(() => terminal.join('')).toContain('>>> ');
      let out = '';
      const run = session.run('print("started")', { onStdout: (bytes) => (out += Buffer.from(bytes).toString()) });
      await expect.poll(() => session.running).toBe(true);
      // Stop while the session is still getting the board to its raw prompt: a Ctrl-C sent
      // now would be spent on that exchange, and the program would then run unstopped.
      await session.stop();
      expect(await run).toEqual({ outcome: 'stopped' });
      expect(out).toBe('');
      expect(terminal.join('')).toContain('[Stopped before the program started.]');
      expect((await session.execText('print(6*7)')).trim()).toBe('42');
      expect((await session.run('print("ran")')).outcome).toBe('completed');
    });

    it('calls off a run that Stop caught while its source was on the way: nothing runs, and the board stays usable', async () => {
      terminal.length = 0;
      const source = `zz_marker = 1\nprint("started")\n${'# a comment line that makes the source long enough to take a while\n'.repeat(16)}`;
      const link = fixture.transport as { write(bytes: Uint8Array): Promise<void> };
      const write = link.write;
      let stopping: Promise<void> | undefined;
      // Stop the moment the program's first bytes leave (raw-paste window or paced chunk).
      link.write = function (this: unknown, bytes: Uint8Array) {
        const sent = write.call(fixture.transport, bytes);
        if (!stopping && Buffer.from(bytes).includes('zz_marker')) stopping = session.stop();
        return sent;
      };
      let out = '';
      try {
        const result = await session.run(source, { onStdout: (bytes) => (out += Buffer.from(bytes).toString()) });
        expect(stopping).toBeDefined();
        await stopping;
        expect(result).toEqual({ outcome: 'stopped' });
      } finally {
        link.write = write;
      }
      expect(out).toBe('');
      expect(terminal.join('')).toContain('[Stopped before the program started.]');
      expect((await session.execText('print("zz_marker" in globals())')).trim()).toBe('False');
      expect((await session.run('print("ran")')).outcome).toBe('completed');
    });

    it('is not fooled by a program that prints prompts and raw REPL text (Thonny #3257)', async () => {
      const out = await session.execText('for i in range(3):\n print(">>> ")\n print("raw REPL; CTRL-B to exit\\r\\n>")\nprint("end")');
      expect(out).toContain('end');
      const result = await session.run('print(">>> raw REPL; CTRL-B to exit")\nprint(">")');
      expect(result.outcome).toBe('completed');
      expect(await session.execText('print(1+1)')).toContain('2');
    });

    it('takes over from a REPL loop that prints prompts (Thonny #3257)', async () => {
      terminal.length = 0;
      await session.writeTerminal('while True: print(">>> raw REPL; CTRL-B to exit\\r\\n>")\r\r');
      await expect.poll(() => terminal.join('').split('raw REPL').length, { timeout: 10_000 }).toBeGreaterThan(3);
      expect((await session.execText('print(6*7)')).trim()).toBe('42');
    });

    it('passes terminal keystrokes to the friendly REPL without protocol noise', async () => {
      terminal.length = 0;
      await session.execText('x_from_ide=5');
      expect(terminal.join('')).toBe('');
      await session.writeTerminal('print(x_from_ide*3)\r');
      await expect.poll(() => terminal.join(''), { timeout: 10_000 }).toContain('15');
      expect(terminal.join('')).not.toContain('raw REPL');
    });

    it('keeps a half-typed REPL line when a command runs between keystrokes', async () => {
      terminal.length = 0;
      await session.writeTerminal('1+');
      await session.writeTerminal('2');
      await expect.poll(() => terminal.join(''), { timeout: 10_000 }).toContain('1+2');
      // A background command (the file browser listing the board) lands mid-line.
      expect((await session.execText('print(6*7)')).trim()).toBe('42');
      await session.writeTerminal('\r');
      await expect.poll(() => terminal.join(''), { timeout: 10_000 }).toMatch(/1\+2\r\n3\r\n>>> $/);
      expect(terminal.join('')).not.toContain('1+21+2'); // The retyped line's echo is not shown twice.
    });

    it('shows every key typed just before a command, though the board had not echoed it yet', async () => {
      terminal.length = 0;
      // No wait for the echo: the file browser's refresh can start the moment a key leaves.
      await session.writeTerminal('4');
      await session.writeTerminal('+5');
      expect((await session.execText('print(6*7)')).trim()).toBe('42');
      await session.writeTerminal('\r');
      await expect.poll(() => terminal.join(''), { timeout: 10_000 }).toMatch(/4\+5\r\n9\r\n>>> $/);
      expect(terminal.join('')).not.toContain('4+54+5');
    });

    it('lets a statement typed at the REPL finish before a command takes the board', async () => {
      terminal.length = 0;
      await session.writeTerminal('total = sum(range(3000)); print("done", total)\r');
      expect((await session.execText('print(total + 1)')).trim()).toBe('4498501');
      await expect.poll(() => terminal.join(''), { timeout: 10_000 }).toContain('done 4498500');
      expect(terminal.join('')).not.toContain('KeyboardInterrupt');
    });

    it('interrupts a REPL loop for a command, and does not run it again afterwards', async () => {
      terminal.length = 0;
      await session.writeTerminal('reruns = 0\r');
      await expect.poll(() => terminal.join(''), { timeout: 10_000 }).toMatch(/reruns = 0\r\n>>> $/);
      // It prints: a loop that never calls out makes the virtual board restart, losing `reruns`.
      await session.writeTerminal('while True: reruns += 1; print(reruns)\r\r');
      expect((await session.execText('print(reruns > 0)')).trim()).toBe('True');
      const before = Number((await session.execText('print(reruns)')).trim());
      // Back at the REPL an Enter is an empty line, not the loop again (which would count on).
      await session.writeTerminal('\r');
      expect(Number((await session.execText('print(reruns)')).trim())).toBe(before);
    });

    it('soft-resets and clears the globals', async () => {
      await session.execText('leftover=1');
      await session.softReset();
      expect(session.info.version).toMatch(/^\d/);
      const error = await session.execText('print(leftover)').catch((e: unknown) => e);
      expect((error as BoardExecError).exceptionType).toBe('NameError');
    });

    it('round-trips files: write, list, read, hash, remove', async () => {
      const data = Buffer.from('print("hello")\n');
      await fs.write('/hello.py', data);
      expect((await fs.list('/')).map((e) => e.name)).toContain('hello.py');
      expect(Buffer.from(await fs.read('/hello.py')).equals(data)).toBe(true);
      const { createHash } = await import('node:crypto');
      expect(await fs.hash('/hello.py')).toBe(createHash('sha256').update(data).digest('hex'));
      expect(await fs.stat('/hello.py')).toMatchObject({ type: 'file', size: data.length });
      await fs.remove('/hello.py');
      expect(await fs.stat('/hello.py')).toBeNull();
    });

    it('removes the temporary files a cut upload left, on the first file operation of a connection', async () => {
      // What a link cut mid-upload leaves: a partial `.mpst-*.tmp` beside the user's own files.
      await fs.write('/.mpst-cut123.tmp', Buffer.from('partial'));
      await fs.write('/mine.tmp', Buffer.from('kept'));
      const fresh = new DeviceFs(session); // as the next connection's first operation
      const names = (await fresh.list('/')).map((e) => e.name);
      expect(names).not.toContain('.mpst-cut123.tmp');
      expect(names).toContain('mine.tmp');
      await fresh.remove('/mine.tmp');
    });

    it("leaves nothing behind on the board's heap: no globals, no interned names", async () => {
      // A micro:bit has 10 KB of heap: names left in its globals, and strings interned for
      // good (MicroPython never frees a qstr), fragment it until commands no longer compile.
      const facts = async () => {
        // Imported modules may stay: they live on in sys.modules (or in ROM) anyway.
        const out = await session.execText('import micropython\nprint(sorted(k for k,v in globals().items() if type(v)!=type(micropython)))\nif hasattr(micropython,"qstr_info"):\n micropython.qstr_info()');
        return { globals: out.split(/\r?\n/)[0]!, qstrs: /n_qstr=(\d+)/.exec(out)?.[1] ?? 'unknown' };
      };
      const round = async () => {
        await fs.write('/heap.py', Buffer.from('a = 1\n'));
        await fs.write('/heap.py', Buffer.from('a = 22\n')); // replaces: the temporary file's path
        expect(Buffer.from(await fs.read('/heap.py')).toString()).toBe('a = 22\n');
        await fs.hash('/heap.py');
        await fs.list('/');
        await fs.remove('/heap.py');
        // Back at the friendly prompt, so that the next command proves the raw prompt again.
        await session.writeTerminal('\r');
      };
      const before = await facts();
      await round();
      const settled = await facts();
      await round();
      await round();
      const after = await facts();
      // Only the engine's own helpers (`_mpst_…`, defined once per session) may stay.
      const names = (text: string) => new Set(text.match(/'[^']*'/g) ?? []);
      const added = [...names(after.globals)].filter((name) => !names(before.globals).has(name) && !name.startsWith("'_mpst_"));
      expect(added).toEqual([]);
      if (after.qstrs !== settled.qstrs) {
        // Say which names were added: the newest come last in qstr_info(1)'s list. (It can
        // break the raw REPL's framing where the list holds a `\x04` name, as on the virtual
        // board: then the error's text is the list.)
        const list = await session.execText('import micropython\nmicropython.qstr_info(1)').catch((error: unknown) => String((error as { traceback?: string }).traceback ?? error));
        expect.fail(`interned strings went from ${settled.qstrs} to ${after.qstrs}; the last of them: ${list.slice(-600)}`);
      }
    }, 120_000);

    it('round-trips hostile file names', async () => {
      for (const name of HOSTILE_NAMES) {
        const body = Buffer.from(`# ${name}\n`);
        await fs.write(`/${name}`, body);
        expect(Buffer.from(await fs.read(`/${name}`)).equals(body)).toBe(true);
      }
      const names = (await fs.list('/')).map((e) => e.name);
      for (const name of HOSTILE_NAMES) expect(names).toContain(name);
      for (const name of HOSTILE_NAMES) await fs.remove(`/${name}`);
      expect(await session.execText('print(1)')).toContain('1');
    });

    it('writes empty files and binary files with every byte value', async () => {
      await fs.write('/empty.bin', new Uint8Array(0));
      expect(await fs.stat('/empty.bin')).toMatchObject({ size: 0 });
      expect((await fs.read('/empty.bin')).length).toBe(0);
      const every = Buffer.alloc(1024);
      for (let i = 0; i < every.length; i++) every[i] = i % 256;
      await fs.write('/every.bin', every);
      expect(Buffer.from(await fs.read('/every.bin')).equals(every)).toBe(true);
      const windowed = session.rawPaste.kind === 'supported' ? (['windowed'] as const) : [];
      for (const strategy of [...windowed, 'raw-receiver', 'exec-literal'] as const) {
        await fs.write('/every.bin', every.reverse(), { strategy });
        expect(Buffer.from(await fs.read('/every.bin')).equals(every)).toBe(true);
      }
      await fs.remove('/empty.bin');
      await fs.remove('/every.bin');
    });

    it('writes the largest file that fits, and a disk-full write leaves the old file intact', async () => {
      const old = Buffer.from('old content\n'.repeat(100));
      await fs.write('/keep.py', old);
      const tooBig = Buffer.alloc(fixture.fsCapacity * 2, 0x61);
      const error = await fs.write('/keep.py', tooBig).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiskFullError);
      expect(Buffer.from(await fs.read('/keep.py')).equals(old)).toBe(true);
      await fs.remove('/keep.py');
      // Largest that fits: shrink from the capacity until a write succeeds.
      let size = fixture.fsCapacity;
      for (;;) {
        const data = Buffer.alloc(size);
        for (let i = 0; i < size; i++) data[i] = (i * 131 + 7) % 256;
        try {
          await fs.write('/big.bin', data);
          expect(Buffer.from(await fs.read('/big.bin')).equals(data)).toBe(true);
          break;
        } catch (err) {
          if (!(err instanceof DiskFullError) || size < 1024) throw err;
          size -= 1024;
        }
      }
      expect(size).toBeGreaterThan(fixture.fsCapacity / 2);
      await fs.remove('/big.bin');
    }, 120_000);

    it('cancels an upload and leaves the old file intact', async () => {
      const old = Buffer.from('keep me\n');
      await fs.write('/cancel.py', old);
      const controller = new AbortController();
      const data = Buffer.alloc(6000, 0x62);
      const error = await fs.write('/cancel.py', data, { signal: controller.signal, onProgress: (done) => done > 1000 && controller.abort() }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('cancelled');
      expect(Buffer.from(await fs.read('/cancel.py')).equals(old)).toBe(true);
      await fs.remove('/cancel.py');
    }, 60_000);
  });
}
