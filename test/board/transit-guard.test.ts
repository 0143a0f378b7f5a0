/** The transit guard for boards without flow control, checked by a real MicroPython (WASM). */
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardedSource, readGuardedTraceback } from '../../main/board/transit-guard';

let python: Awaited<ReturnType<typeof loadMicroPython>>;
let output = '';
let errors = '';

/** Runs code and returns the traceback it printed ('' when none). */
function run(source: Uint8Array): string {
  output = '';
  errors = '';
  try {
    python.runPython(new TextDecoder().decode(source));
  } catch (err) {
    errors += String((err as Error).message ?? err);
  }
  return errors;
}

beforeAll(async () => {
  const decoder = new TextDecoder();
  python = await loadMicroPython({ stdout: (b: Uint8Array) => void (output += decoder.decode(b)), stderr: (b: Uint8Array) => void (errors += decoder.decode(b)), linebuffer: false });
});

describe('transit guard', () => {
  const source = new TextEncoder().encode('def f():\n    return 1/0\nprint("ran")\nf()\n');

  it('runs an intact command, and its traceback reads like the user code', () => {
    const guarded = guardedSource(source) as Uint8Array;
    const traceback = run(guarded);
    expect(output).toContain('ran');
    const read = readGuardedTraceback(traceback);
    expect(read.damaged).toBe(false);
    expect(read.traceback).not.toContain('<string>');
    expect(read.traceback).toMatch(/line 4/);
    expect(read.traceback).toContain('ZeroDivisionError');
  });

  it('refuses a command that lost a byte on the way, before any of it runs', () => {
    const guarded = guardedSource(source) as Uint8Array;
    // Drop one byte inside the literal, as a UART without flow control does.
    const at = new TextDecoder().decode(guarded).indexOf('print');
    const damaged = Uint8Array.from([...guarded.subarray(0, at + 2), ...guarded.subarray(at + 3)]);
    const traceback = run(damaged);
    expect(output).not.toContain('ran');
    expect(readGuardedTraceback(traceback).damaged).toBe(true);
  });

  it('keeps no copy of the source in the globals once it ran', () => {
    run(guardedSource(source) as Uint8Array);
    run(new TextEncoder().encode("print('_c' in globals())"));
    expect(output.trim()).toBe('False');
  });

  it('leaves long sources unguarded (the guard doubles their memory)', () => {
    expect(guardedSource(new Uint8Array(5000).fill(0x20))).toBeNull();
  });
});
