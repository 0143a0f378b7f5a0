/**
 * ScriptedRawPastePeer: a scripted stand-in for a modern MicroPython board on the far end
 * of a socat pty pair, following shared/PROTOCOL.md (friendly/raw REPL, raw-paste with a
 * window and grants). It runs no Python: it answers the session's sync command, and for
 * anything else prints the length and byte sum of the source it received. It records
 * flow-control violations: any byte beyond the granted window.
 */
import type { Transport } from '../../main/board/transport';

const BANNER = 'MicroPython v1.22.0 on 2024-01-01; ScriptedRawPastePeer with no chip\r\nType "help()" for more information.\r\n';

export interface PeerOptions {
  /** Window size announced in raw-paste mode. */
  windowSize?: number;
  /** Delay before granting each further window: a slow board. */
  grantDelayMs?: number;
  /** Answer `R\x00` (refuse raw-paste). */
  refuseRawPaste?: boolean;
  /** Send Ctrl-D (stop) after this many source bytes in raw-paste mode. */
  abortAfter?: number;
  /**
   * A small, fragmented heap: sources longer than `failAbove` bytes fail to compile with
   * MicroPython's parser MemoryError, except the next one after a `gc.collect()` command
   * when `collectFrees` (what a collection from a shallow stack frees may be just enough).
   */
  heapShort?: { failAbove: number; collectFrees: boolean };
}

const PARSER_MEMORY_ERROR = 'Traceback (most recent call last):\r\n  File "<stdin>", line 1\r\nMemoryError: parser could not allocate enough memory\r\n';

export class ScriptedRawPastePeer {
  readonly sources: string[] = [];
  /** Bytes the host sent beyond its credit (granted windows); must stay 0. */
  overruns = 0;
  #mode: 'friendly' | 'raw' | 'paste' = 'friendly';
  #buffer: number[] = [];
  #credit = 0;
  #received = 0;
  #stopped = false;
  #pending: number[] = [];
  readonly #link: Transport;
  readonly #options: Required<Omit<PeerOptions, 'abortAfter' | 'heapShort'>> & Pick<PeerOptions, 'abortAfter' | 'heapShort'>;
  #collected = false;

  constructor(link: Transport, options: PeerOptions = {}) {
    this.#link = link;
    this.#options = { ...options, windowSize: options.windowSize ?? 32, grantDelayMs: options.grantDelayMs ?? 0, refuseRawPaste: options.refuseRawPaste ?? false };
    link.on('data', (chunk) => {
      for (const byte of chunk) this.#byte(byte);
    });
  }

  #send(text: string | Uint8Array): void {
    void this.#link.write(typeof text === 'string' ? Buffer.from(text, 'latin1') : text).catch(() => undefined);
  }

  #byte(byte: number): void {
    if (this.#mode === 'paste') return this.#pasteByte(byte);
    if (this.#mode === 'raw' && byte === 0x01 && this.#buffer.length === 2 && this.#buffer[0] === 0x05 && this.#buffer[1] === 0x41) {
      return this.#startPaste();
    }
    if (byte === 0x03) {
      this.#buffer = [];
      this.#send(this.#mode === 'raw' ? '' : '\r\n>>> ');
    } else if (byte === 0x01) {
      this.#mode = 'raw';
      this.#buffer = [];
      this.#send('\r\nraw REPL; CTRL-B to exit\r\n>');
    } else if (byte === 0x02) {
      this.#mode = 'friendly';
      this.#send(`\r\n${BANNER}>>> `);
    } else if (this.#mode === 'raw' && byte === 0x04) {
      this.#send('OK');
      this.#answer(Buffer.from(this.#buffer).toString('latin1'));
      this.#buffer = [];
    } else if (this.#mode === 'raw') {
      this.#buffer.push(byte);
    } else {
      this.#send(Uint8Array.of(byte)); // the friendly REPL echoes
    }
  }

  /** `\x05A\x01` arrived at the raw prompt: answer the raw-paste request. */
  #startPaste(): void {
    this.#buffer = [];
    if (this.#options.refuseRawPaste) return this.#send('R\x00');
    const w = this.#options.windowSize;
    this.#mode = 'paste';
    this.#credit = w;
    this.#received = 0;
    this.#stopped = false;
    this.#pending = [];
    this.#send(Uint8Array.of(0x52, 0x01, w & 0xff, w >> 8));
  }

  #pasteByte(byte: number): void {
    if (byte === 0x03) {
      // As a board's source reader does: end of input, then KeyboardInterrupt as the command's error.
      this.#mode = 'raw';
      this.#send('\x04\x04KeyboardInterrupt: \r\n\x04>');
      return;
    }
    if (byte === 0x04) {
      this.#mode = 'raw';
      if (!this.#stopped) this.#send('\x04');
      this.#answer(Buffer.from(this.#pending).toString('latin1'));
      return;
    }
    // Bytes already granted may still be in flight after a stop; anything beyond the credit is an overrun.
    if (this.#credit <= 0) this.overruns++;
    this.#credit--;
    if (this.#stopped) return;
    this.#pending.push(byte);
    this.#received++;
    if (this.#options.abortAfter !== undefined && this.#received >= this.#options.abortAfter) {
      this.#stopped = true;
      this.#send('\x04');
      return;
    }
    // Grant the next window once this one is used up, after the "board" has digested it.
    if (this.#received % this.#options.windowSize === 0) {
      setTimeout(() => {
        this.#credit += this.#options.windowSize;
        if (this.#mode === 'paste' && !this.#stopped) this.#send('\x01');
      }, this.#options.grantDelayMs);
    }
  }

  #answer(source: string): void {
    this.sources.push(source);
    // The session's prompt proof (proofCommand in raw-repl.ts): `print('sync%d%d'%(A,B))`.
    const sync = /^print\('sync%d%d'%\((\d+),(\d+)\)\)$/.exec(source);
    let sum = 0;
    for (let i = 0; i < source.length; i++) sum += source.charCodeAt(i);
    const stdout = sync ? `sync${sync[1]}${sync[2]}\r\n` : `len=${source.length} sum=${sum}\r\n`;
    const heap = this.#options.heapShort;
    const collected = this.#collected;
    this.#collected = heap?.collectFrees === true && source === 'import gc\ngc.collect()';
    if (heap && source.length > heap.failAbove && !collected) return this.#send(`\x04${PARSER_MEMORY_ERROR}\x04>`);
    this.#send(`${stdout}\x04\x04>`);
  }
}
