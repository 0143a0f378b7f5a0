/**
 * The one interface every link to a board implements: a serial port, the virtual
 * board's worker, a pseudo-terminal. A transport only moves bytes. It knows nothing
 * of prompts, raw REPL or files: the board session above it owns the protocol.
 */

/** Why a transport stopped: `closed` when we closed it, `lost` when the link went away. */
export type TransportCloseReason = { kind: 'closed' } | { kind: 'lost'; cause: Error };

export interface TransportEvents {
  /** Bytes from the board, in arrival order. */
  data: (chunk: Uint8Array) => void;
  /** Emitted once, when the link is gone for good. No `data` follows it. */
  close: (reason: TransportCloseReason) => void;
}

export interface Transport {
  /** A short human description, e.g. `/dev/ttyUSB0` or `virtual board`. */
  readonly description: string;
  /** True until `close` has been emitted. */
  readonly isOpen: boolean;
  /**
   * Sends bytes. Resolves once the bytes have been handed to the link (drained),
   * rejects with a typed board error when the link is gone.
   */
  write(bytes: Uint8Array): Promise<void>;
  /** Closes the link. Safe to call more than once. Emits `close` with `{kind: 'closed'}`. */
  close(): Promise<void>;
  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
  off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this;
  /** Optional modem-control lines, for hard resets of USB-serial chips. */
  setSignals?(signals: { dtr?: boolean; rts?: boolean }): Promise<void>;
  /** False when the link is known to have no reset line though it takes `setSignals` (a pseudo-terminal). */
  readonly resetLines?: boolean;
}
