/**
 * Serves a transport on a pseudo-terminal, so any serial tool (pyserial's miniterm,
 * mpremote, `mpstudio --port`) can open it. socat makes the pty and relays it to
 * our pipes (`socat pty,raw,echo=0 STDIO`); the board holds the pipe end.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Transport } from '../../main/board/transport';

const START_TIMEOUT_MS = 10_000;

export class PtyStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PtyStartError';
  }
}

export interface PtyBridge {
  /** The device path serial tools should open. */
  path: string;
  /** Resolves when socat ends (killed, or failed). */
  ended: Promise<void>;
  close(): Promise<void>;
}

/** Flow control a transport may offer (the virtual board does): the pty's reader sets the pace. */
export interface OutputFlowControl {
  pauseOutput(): void;
  resumeOutput(): void;
}

export async function servePty(transport: Transport & Partial<OutputFlowControl>): Promise<PtyBridge> {
  let socat: ChildProcessWithoutNullStreams;
  try {
    socat = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'STDIO'], { stdio: 'pipe' });
  } catch (error) {
    throw new PtyStartError('could not start socat (install it, e.g. apt-get install socat)', { cause: error });
  }
  const ended = new Promise<void>((resolve) => socat.once('close', () => resolve()));
  const path = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new PtyStartError(`socat did not report its pty: ${log.trim()}`)), START_TIMEOUT_MS);
    socat.once('error', (error) => {
      clearTimeout(timer);
      reject(new PtyStartError('could not start socat (install it, e.g. apt-get install socat)', { cause: error }));
    });
    socat.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /PTY is (\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void ended.then(() => reject(new PtyStartError(`socat ended: ${log.trim()}`)));
  });
  let paused = false;
  const onData = (bytes: Uint8Array) => {
    if (!socat.stdin.writable) return;
    // A slow or absent reader fills the pty and the pipe: hold the board, as a UART's
    // flow control would, rather than drop its output.
    if (!socat.stdin.write(bytes) && !paused && transport.pauseOutput) {
      paused = true;
      transport.pauseOutput();
      socat.stdin.once('drain', () => {
        paused = false;
        transport.resumeOutput?.();
      });
    }
  };
  transport.on('data', onData);
  socat.stdout.on('data', (chunk: Buffer) => {
    transport.write(chunk).catch(() => undefined);
  });
  socat.stdin.on('error', () => undefined);
  return {
    path,
    ended,
    async close() {
      transport.off('data', onData);
      if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
      await ended;
    },
  };
}
