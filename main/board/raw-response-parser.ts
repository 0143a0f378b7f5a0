/**
 * Streaming parser for the raw REPL's answer to one command:
 * `OK` (plain raw mode only), stdout, Ctrl-D, error text, Ctrl-D, `>`.
 * It takes bytes in any chunking, passes stdout on as it arrives, and never throws:
 * noise before `OK` is skipped and reported, so garbage cannot derail it.
 */
import { CTRL_D } from './control-bytes';

export type ResponsePhase = 'awaiting-ok' | 'stdout' | 'stderr' | 'awaiting-prompt' | 'done';

export interface RawResponse {
  stdout: Uint8Array;
  /** The exception text (traceback), empty when the command succeeded. */
  stderr: string;
  /** Bytes skipped before `OK`: stray output or line noise. */
  noise: Uint8Array;
}

const O = 0x4f;
const K = 0x4b;
const PROMPT = 0x3e; // '>'

export class RawResponseParser {
  #phase: ResponsePhase;
  #stdout: number[] = [];
  #stderr: number[] = [];
  #noise: number[] = [];
  #sawO = false;
  readonly #onStdout: ((bytes: Uint8Array) => void) | undefined;
  readonly #onStderr: ((bytes: Uint8Array) => void) | undefined;

  /** `expectOk` is false in raw-paste mode, where the board skips `OK`. */
  constructor(options: { expectOk: boolean; onStdout?: ((bytes: Uint8Array) => void) | undefined; onStderr?: ((bytes: Uint8Array) => void) | undefined }) {
    this.#phase = options.expectOk ? 'awaiting-ok' : 'stdout';
    this.#onStdout = options.onStdout;
    this.#onStderr = options.onStderr;
  }

  get phase(): ResponsePhase {
    return this.#phase;
  }

  get done(): boolean {
    return this.#phase === 'done';
  }

  /** Feeds bytes; returns the bytes after the final `>` (empty until done). */
  push(chunk: Uint8Array): Uint8Array {
    let streamStart = -1;
    let errorStart = this.#phase === 'stderr' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      switch (this.#phase) {
        case 'awaiting-ok':
          if (this.#sawO && byte === K) {
            this.#phase = 'stdout';
            streamStart = i + 1;
          } else {
            if (this.#sawO) this.#noise.push(O);
            this.#sawO = byte === O;
            if (!this.#sawO) this.#noise.push(byte);
          }
          break;
        case 'stdout':
          if (streamStart < 0) streamStart = i;
          if (byte === CTRL_D) {
            this.#emitStdout(chunk.subarray(streamStart, i));
            streamStart = -1;
            this.#phase = 'stderr';
            errorStart = i + 1;
          } else this.#stdout.push(byte);
          break;
        case 'stderr':
          if (byte === CTRL_D) {
            this.#emitStderr(chunk.subarray(errorStart, i));
            errorStart = -1;
            this.#phase = 'awaiting-prompt';
          } else this.#stderr.push(byte);
          break;
        case 'awaiting-prompt':
          // Anything before `>` here is noise; the prompt ends the exchange.
          if (byte === PROMPT) {
            this.#phase = 'done';
            return chunk.slice(i + 1);
          }
          break;
        case 'done':
          return chunk.slice(i);
      }
    }
    if (this.#phase === 'stdout' && streamStart >= 0) this.#emitStdout(chunk.subarray(streamStart));
    if (this.#phase === 'stderr' && errorStart >= 0) this.#emitStderr(chunk.subarray(errorStart));
    return new Uint8Array(0);
  }

  result(): RawResponse {
    return {
      stdout: Uint8Array.from(this.#stdout),
      stderr: new TextDecoder().decode(Uint8Array.from(this.#stderr)),
      noise: Uint8Array.from(this.#noise),
    };
  }

  #emitStderr(bytes: Uint8Array): void {
    if (bytes.length > 0) this.#onStderr?.(bytes.slice());
  }

  #emitStdout(bytes: Uint8Array): void {
    if (bytes.length > 0) this.#onStdout?.(bytes.slice());
  }
}
