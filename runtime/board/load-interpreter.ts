/**
 * Starts one MicroPython WebAssembly interpreter and gives back what the board
 * needs from it: the REPL, a view of its linear memory (so Python can hand buffers
 * to JS by address instead of copying them through strings), and its stdin device.
 */
import type { MicroPython } from '@micropython/micropython-webassembly-pyscript';
import { importMicroPython } from './import-micropython';

/** Python's default heap: roomy like an ESP32 with PSRAM, small enough to start fast. */
const HEAP_BYTES = 2 * 1024 * 1024;
/** Python call depth; deep recursion should raise RuntimeError, not crash. */
const PYSTACK_WORDS = 8 * 1024;

export interface Interpreter {
  mp: MicroPython;
  /** The wasm memory as bytes; call again after Python may have grown it. */
  memory(): Uint8Array;
}

export interface InterpreterIo {
  /** One byte the interpreter printed (stdout and stderr alike, as on a board). */
  onOutput(byte: number): void;
  /**
   * Fills `target` with stdin bytes: blocks until at least one is there and returns
   * the count, or throws `EINTR` (see `stdinInterrupted`) when Ctrl-C came instead.
   */
  readStdin(target: Uint8Array): number | 'interrupted';
  /** True when stdin has bytes waiting, for `select.poll` on `sys.stdin`. */
  stdinReady(): boolean;
}

/** Emscripten's errno for an interrupted call; MicroPython then runs pending exceptions. */
const EMSCRIPTEN_EINTR = 27;
/** poll(2) bits as Emscripten defines them. */
const POLLIN = 1;
const POLLOUT = 4;

/** The bits of the WebAssembly API used here (the Node-only lib has no DOM types for it). */
interface WasmMemory {
  buffer: ArrayBuffer;
}
interface WasmApi {
  Memory: new (...args: never[]) => WasmMemory;
  instantiate: (...args: unknown[]) => Promise<unknown>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

export async function loadInterpreter(io: InterpreterIo): Promise<Interpreter> {
  const { loadMicroPython } = await importMicroPython();
  let wasmMemory: WasmMemory | undefined;
  // The build does not export its memory; catch it as the module is instantiated.
  const instantiate = wasmApi.instantiate;
  wasmApi.instantiate = async (...args: unknown[]) => {
    const result = (await instantiate(...args)) as { instance?: { exports: Record<string, unknown> }; exports?: Record<string, unknown> };
    const exports = result.instance?.exports ?? result.exports ?? {};
    if (exports.memory instanceof wasmApi.Memory) wasmMemory = exports.memory;
    return result;
  };
  let mp: MicroPython;
  try {
    const emit = (bytes: Uint8Array) => {
      for (const byte of bytes) io.onOutput(byte);
    };
    mp = await loadMicroPython({
      stdout: emit,
      stderr: emit,
      linebuffer: false,
      heapsize: HEAP_BYTES,
      pystack: PYSTACK_WORDS,
      stdin: () => null,
    });
  } finally {
    wasmApi.instantiate = instantiate;
  }
  if (!wasmMemory) throw new Error('the MicroPython build did not expose its memory');
  const memoryRef = wasmMemory;

  // The build's own stdin read asks for one byte per call and cannot block; replace
  // the device's read so `sys.stdin.read()` waits for the terminal like a UART does.
  const stdinStream = mp.FS.streams[0];
  if (!stdinStream) throw new Error('the MicroPython build has no stdin stream');
  stdinStream.stream_ops.read = (_stream, buffer, offset, length) => {
    const chunk = new Uint8Array(length);
    const count = io.readStdin(chunk);
    if (count === 'interrupted') throw new mp.FS.ErrnoError(EMSCRIPTEN_EINTR);
    for (let i = 0; i < count; i++) buffer[offset + i] = chunk[i]!;
    return count;
  };
  // Without this, poll() calls every stream readable and the read then blocks:
  // a program polling stdin (an upload receiver, a game loop) must see "nothing yet".
  stdinStream.stream_ops.poll = () => (io.stdinReady() ? POLLIN : 0) | POLLOUT;

  let view = new Uint8Array(memoryRef.buffer);
  return {
    mp,
    memory() {
      if (view.buffer !== memoryRef.buffer) view = new Uint8Array(memoryRef.buffer);
      return view;
    },
  };
}
