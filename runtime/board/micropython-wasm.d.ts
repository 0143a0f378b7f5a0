/**
 * Types for the parts of the MicroPython WebAssembly build (npm
 * `@micropython/micropython-webassembly-pyscript`, which ships no types) that the
 * virtual board uses. See /work/shared/PROTOCOL.md for its quirks.
 */
declare module '@micropython/micropython-webassembly-pyscript' {
  export interface EmscriptenStreamOps {
    read(stream: unknown, buffer: Int8Array | Uint8Array, offset: number, length: number, position?: number): number;
    poll?: (stream: unknown, timeout?: number) => number;
  }
  export interface EmscriptenFs {
    streams: Array<{ stream_ops: EmscriptenStreamOps } | null>;
    ErrnoError: new (errno: number) => Error;
    mkdir(path: string): void;
    writeFile(path: string, data: string | Uint8Array): void;
  }
  export interface MicroPythonModule {
    _mp_sched_keyboard_interrupt(): void;
    _mp_hal_get_interrupt_char(): number;
  }
  export interface MicroPython {
    _module: MicroPythonModule;
    FS: EmscriptenFs;
    runPython(code: string): unknown;
    registerJsModule(name: string, module: object): void;
    pyimport(name: string): unknown;
    globals: { get(name: string): unknown; set(name: string, value: unknown): void };
    replInit(): void;
    /** Feeds one byte to the event-driven REPL; 0x100 asks for a soft reset. */
    replProcessChar(byte: number): number;
  }
  export interface LoadOptions {
    stdout?: (bytes: Uint8Array) => void;
    stderr?: (bytes: Uint8Array) => void;
    stdin?: () => number | null | undefined;
    heapsize?: number;
    pystack?: number;
    linebuffer?: boolean;
    url?: string;
  }
  export function loadMicroPython(options?: LoadOptions): Promise<MicroPython>;
}
