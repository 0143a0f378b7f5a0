/**
 * The one quoting helper, checked by a real MicroPython (the WebAssembly build): every
 * literal it makes must evaluate back to exactly the value, hostile names included, and
 * the board's own `repr()` of bytes must parse back to the bytes.
 */
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBytesRepr, pyBytes, pyBytesLength, pyStr, pyValue } from '../../main/board/python-literal';
import { HOSTILE_NAMES } from './scenarios/board-scenarios';

let output = '';
let python: Awaited<ReturnType<typeof loadMicroPython>>;

/** Runs code in real MicroPython and returns what it printed. */
function run(code: string): string {
  output = '';
  python.runPython(code);
  return output;
}

beforeAll(async () => {
  const decoder = new TextDecoder();
  python = await loadMicroPython({ stdout: (bytes: Uint8Array) => void (output += decoder.decode(bytes, { stream: true })), stderr: () => undefined, linebuffer: false });
});

const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('python-literal', () => {
  it('quotes hostile names so MicroPython reads back exactly the same text', () => {
    const samples = [...HOSTILE_NAMES, '', "'''", '"""', '\\', '\u0000\u0001\u007f', 'tab\tcr\r', '\u0085\u2028 emoji 🐍', "mixed ' and \" quotes"];
    for (const text of samples) {
      const printed = run(`import binascii\nprint(binascii.hexlify(${pyStr(text)}.encode()).decode())`).trim();
      expect(printed, JSON.stringify(text)).toBe(Buffer.from(text, 'utf8').toString('hex'));
    }
  });

  it('makes bytes literals that evaluate to every byte value, and measures their length', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    const cases = [every, new Uint8Array(0), Buffer.from("it's \"quoted\" \\ text\n"), Buffer.from('\'\'\'"')];
    for (const bytes of cases) {
      const literal = pyBytes(bytes);
      expect(pyBytesLength(bytes)).toBe(literal.length);
      expect(/^[\x20-\x7e]*$/.test(literal)).toBe(true);
      expect(run(`import binascii\nprint(binascii.hexlify(${literal}).decode())`).trim()).toBe(hexOf(bytes));
    }
  });

  it('keeps text nearly one byte per byte', () => {
    const text = Buffer.from('def main():\n    print("hello, world")\n'.repeat(50));
    expect(text.length / pyBytesLength(text)).toBeGreaterThan(0.9);
  });

  it('parses MicroPython reprs of bytes back to the bytes', () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 48271) % 2147483647) % 256;
    const samples = [Uint8Array.from({ length: 256 }, (_, i) => i), Uint8Array.from({ length: 300 }, random), Buffer.from("a'b\"c"), Buffer.from("'")];
    for (const bytes of samples) {
      const repr = run(`print(repr(${pyBytes(bytes)}))`).trim();
      expect(hexOf(parseBytesRepr(repr) as Uint8Array)).toBe(hexOf(bytes));
    }
    expect(parseBytesRepr("b'unterminated")).toBeNull();
    expect(parseBytesRepr("b'bad \\q escape'")).toBeNull();
    expect(parseBytesRepr('not bytes')).toBeNull();
  });

  it('quotes plain values', () => {
    expect(pyValue(null)).toBe('None');
    expect(pyValue(true)).toBe('True');
    expect(pyValue(12)).toBe('12');
    expect(pyValue(['a', 1])).toBe("('a',1)");
    expect(pyValue(['only'])).toBe("('only',)");
    expect(() => pyValue(Number.NaN)).toThrow(RangeError);
    expect(run(`print(${pyValue(['x\\ny', 3])})`).trim()).toBe("('x\\\\ny', 3)");
  });
});
