import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard, PROMPT, type BoardHarness } from './board-harness';
import { RAW_PASTE_WINDOW } from '../../runtime/board/repl-driver';

describe('virtual board REPL, byte for byte', () => {
  let h: BoardHarness;
  beforeAll(async () => {
    h = await openBoard();
  });
  afterAll(async () => {
    await h.close();
  });

  it('boots with a banner naming the virtual board and the MicroPython version', async () => {
    await h.exchange('\x02', PROMPT);
    expect(h.text).toMatch(/MicroPython v1\.27\.0 on [\d-]+; MicroPython Studio virtual board with WebAssembly\r\nType "help\(\)" for more information\.\r\n>>> $/);
  });

  it('answers with CRLF line endings only', async () => {
    const out = await h.exchange('for i in range(3): print(i)\r\r', PROMPT);
    expect(out).toContain('0\r\n1\r\n2\r\n>>> ');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('runs paste mode (Ctrl-E … Ctrl-D)', async () => {
    await h.exchange('\x05', '=== ');
    expect(h.text).toContain('paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ');
    const out = await h.exchange('a = 6\rprint(a * 7)\r\x04', PROMPT);
    expect(out).toContain('42\r\n');
  });

  it('prints tracebacks like a board', async () => {
    const out = await h.exchange('1/0\r', PROMPT);
    expect(out).toContain('Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nZeroDivisionError: divide by zero\r\n>>> ');
  });

  it('enters the raw REPL and frames output and errors with \\x04', async () => {
    await h.exchange('\x01', '\r\nraw REPL; CTRL-B to exit\r\n>');
    expect(await h.exchange('print(2+3)\x04', '\x04>')).toBe('OK5\r\n\x04\x04>');
    expect(await h.exchange('raise ValueError("x")\x04', '\x04>')).toBe(
      'OK\x04Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nValueError: x\r\n\x04>',
    );
  });

  it('negotiates raw-paste and answers the exchange from the documentation', async () => {
    const out = await h.exchange('\x05A\x01print(123)\x04', '\x04>');
    expect(out).toBe(`R\x01${String.fromCharCode(RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8)}\x04123\r\n\x04\x04>`);
  });

  it('grants one more window for every window of source it takes', async () => {
    h.clear();
    await h.send('\x05A\x01');
    await h.waitFor(`R\x01${String.fromCharCode(RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8)}`);
    const window = h.text.charCodeAt(2) | (h.text.charCodeAt(3) << 8);
    expect(window).toBe(RAW_PASTE_WINDOW);
    const line = 'x = "' + 'y'.repeat(58) + '"\n'; // 64 bytes
    const source = line.repeat((window * 3) / 64) + 'print(len(x))\n';
    const grants = () => (h.text.match(/\x01/g) ?? []).length;
    h.clear();
    for (let offset = 0; offset < source.length; offset += window) {
      // Never more than the board has granted: one window, then one per \x01.
      await h.send(source.slice(offset, offset + window));
      const full = offset + window <= source.length;
      if (full) {
        const want = offset / window + 1;
        while (grants() < want) await h.waitFor('\x01'.repeat(1), 5000).then(() => new Promise((r) => setTimeout(r, 5)));
      }
    }
    await h.send('\x04');
    const out = await h.waitFor('\x04>');
    expect(grants()).toBe(3);
    // Three grants, then the end-of-source ack, the output and the raw prompt.
    expect(out).toBe('\x01\x01\x01\x0458\r\n\x04\x04>');
  });

  it('aborts a raw-paste on Ctrl-C with KeyboardInterrupt', async () => {
    // The whole answer, the window's two bytes too: they may arrive in a chunk of their own.
    await h.exchange('\x05A\x01', `R\x01${String.fromCharCode(RAW_PASTE_WINDOW & 0xff, RAW_PASTE_WINDOW >> 8)}`);
    const out = await h.exchange('print("never")\x03', '\x04>');
    expect(out).toBe('\x04\x04KeyboardInterrupt: \r\n\x04>');
    expect(await h.exchange('print("after")\x04', '\x04>')).toBe('OKafter\r\n\x04\x04>');
  });

  it('leaves the raw REPL with Ctrl-B', async () => {
    await h.exchange('\x02', PROMPT);
    expect(h.text).toContain('virtual board with WebAssembly');
  });

  it('feeds input() and sys.stdin from the terminal', async () => {
    await h.exchange('name = input("name? ")\r', ')\r\nname? ');
    const echoed = await h.exchange('ada\r', PROMPT);
    expect(echoed).toBe('ada\r\n>>> ');
    expect(await h.exchange('print(name.upper())\r', PROMPT)).toContain('ADA\r\n');
    await h.exchange('import sys; data = sys.stdin.read(3)\r', '\r\n');
    await h.exchange('xyz', PROMPT);
    expect(await h.exchange('print(repr(data))\r', PROMPT)).toContain("'xyz'\r\n");
  });

  it('reports stdin readiness to select.poll truthfully', async () => {
    await h.exchange('import select, sys; p = select.poll(); p.register(sys.stdin, select.POLLIN)\r', PROMPT);
    expect(await h.exchange('print(p.poll(0))\r', PROMPT)).toContain('[]\r\n');
    // A byte typed while the program waits makes stdin readable.
    await h.exchange('r = p.poll(5000); c = sys.stdin.read(1)\r', '\r\n');
    await h.exchange('k', PROMPT);
    expect(await h.exchange('print(len(r), repr(c))\r', PROMPT)).toContain("1 'k'\r\n");
  });

  it('interrupts input() with Ctrl-C', async () => {
    await h.exchange('input()\r', '\r\n');
    const out = await h.exchange('\x03', PROMPT);
    expect(out).toContain('KeyboardInterrupt');
  });
});
