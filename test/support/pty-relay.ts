/**
 * A relay between a board's pty (QEMU's UART) and a new pty that the code under test
 * opens, through this process: it can pace both directions like a UART at a baud rate
 * (QEMU's pty has no baud limit), and it can break the link the ways a real one breaks:
 * cut it (socat killed: the host's next write fails with EIO), stop the board reading
 * (bytes to the board vanish), or damage bytes on their way to the board.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SerialPort } from 'serialport';
import { PACING_SLICE_BYTES, UartPacer } from '../../runtime/uart-pacer';

export interface PtyRelay {
  /** The pty the code under test opens. */
  path: string;
  /** Changes bytes on their way to the board (damage); null passes them as they are. */
  tamper: ((bytes: Uint8Array) => Uint8Array) | null;
  /** While true, bytes to the board are dropped: a board that stopped reading. */
  boardDeaf: boolean;
  /** Bytes that went towards the board so far (after tampering). */
  readonly bytesToBoard: number;
  /** Cuts the host's side of the link: socat ends, the pty goes away. */
  cut(): Promise<void>;
  /** Cuts the link and lets go of the board's pty. */
  close(): Promise<void>;
}

/** One direction of a UART at `baud`: bytes queue and leave at line speed. Unpaced without a baud. */
function pacedSender(baud: number | undefined, send: (bytes: Uint8Array) => void): (bytes: Uint8Array) => void {
  if (!baud) return send;
  const pacer = new UartPacer(baud);
  const queue: Uint8Array[] = [];
  let pumping = false;
  const pump = async (): Promise<void> => {
    pumping = true;
    while (queue.length > 0) {
      const head = queue[0] as Uint8Array;
      const slice = head.subarray(0, PACING_SLICE_BYTES);
      if (slice.length === head.length) queue.shift();
      else queue[0] = head.subarray(slice.length);
      await pacer.transmit(slice.length);
      send(slice);
    }
    pumping = false;
  };
  return (bytes) => {
    queue.push(bytes);
    if (!pumping) void pump();
  };
}

export async function startPtyRelay(boardPath: string, options: { baud?: number } = {}): Promise<PtyRelay> {
  const board = new SerialPort({ path: boardPath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => board.open((err) => (err ? reject(err) : resolve())));
  const socat: ChildProcessWithoutNullStreams = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'STDIO'], { stdio: 'pipe' });
  const ended = new Promise<void>((resolve) => socat.once('close', () => resolve()));
  const path = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`socat did not report its pty: ${log}`)), 10_000);
    socat.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /PTY is (\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  let toBoardCount = 0;
  const relay: PtyRelay = {
    path,
    tamper: null,
    boardDeaf: false,
    get bytesToBoard() {
      return toBoardCount;
    },
    async cut() {
      if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGKILL');
      await ended;
    },
    async close() {
      await relay.cut();
      if (board.isOpen) await new Promise<void>((resolve) => board.close(() => resolve()));
    },
  };
  const toBoard = pacedSender(options.baud, (bytes) => {
    if (relay.boardDeaf || !board.isOpen) return;
    const sent = relay.tamper ? relay.tamper(bytes) : bytes;
    toBoardCount += sent.length;
    board.write(Buffer.from(sent));
  });
  const toHost = pacedSender(options.baud, (bytes) => {
    if (socat.stdin.writable) socat.stdin.write(bytes);
  });
  socat.stdout.on('data', (chunk: Buffer) => toBoard(new Uint8Array(chunk)));
  socat.stdin.on('error', () => undefined); // The cut: socat is gone.
  board.on('data', (chunk: Buffer) => toHost(new Uint8Array(chunk)));
  return relay;
}
