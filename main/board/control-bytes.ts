/**
 * The control bytes of MicroPython's REPL protocol (see shared/PROTOCOL.md), named
 * so that protocol code reads like the protocol.
 */

/** Ctrl-A: enter the raw REPL (or re-enter it, clearing its buffer). */
export const CTRL_A = 0x01;
/** Ctrl-B: leave the raw REPL for the friendly `>>> ` prompt (prints the banner). */
export const CTRL_B = 0x02;
/** Ctrl-C: raise KeyboardInterrupt in the running program. */
export const CTRL_C = 0x03;
/** Ctrl-D: soft reset on an empty line; in the raw REPL, run the buffered source. Also the raw REPL's field separator. */
export const CTRL_D = 0x04;
/** Ctrl-E: paste mode in the friendly REPL; in the raw REPL, starts raw-paste negotiation when followed by `A` Ctrl-A. */
export const CTRL_E = 0x05;

/** What the host sends at the raw `>` prompt to ask for raw-paste mode. */
export const RAW_PASTE_REQUEST = Uint8Array.of(CTRL_E, 0x41 /* 'A' */, CTRL_A);
/** Board's answer to RAW_PASTE_REQUEST when it supports raw-paste: `R` then 0x01. */
export const RAW_PASTE_SUPPORTED = 0x01;
/** Board's answer when it understands raw-paste but refuses it: `R` then 0x00. */
export const RAW_PASTE_REFUSED = 0x00;
/** In raw-paste mode the board sends Ctrl-A to grant one more window of bytes. */
export const RAW_PASTE_WINDOW_GRANT = CTRL_A;
/** In raw-paste mode the board sends Ctrl-D to ask the host to stop sending. */
export const RAW_PASTE_ABORT = CTRL_D;

/** What the board prints on entering the raw REPL. */
export const RAW_REPL_BANNER = 'raw REPL; CTRL-B to exit\r\n>';
/** The tail of RAW_REPL_BANNER, for when its first bytes were already consumed. */
export const RAW_REPL_BANNER_END = 'CTRL-B to exit\r\n>';
/** The friendly REPL prompt. */
export const FRIENDLY_PROMPT = '>>> ';
/** The raw REPL's acknowledgement that it accepted a command (plain raw mode only). */
export const RAW_OK = 'OK';
/** The raw REPL's prompt for the next command. */
export const RAW_PROMPT = '>';
/** Printed when the board soft-resets (`MPY: soft reboot` on newer firmware). */
export const SOFT_REBOOT_TEXT = 'soft reboot\r\n';

export const bytesOf = (...codes: number[]): Uint8Array => Uint8Array.from(codes);
