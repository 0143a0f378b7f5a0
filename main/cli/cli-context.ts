/**
 * What every CLI command gets: the chosen port, a lazily opened board session and file
 * system, and the process's output streams.
 */
import { BoardSession } from '../board/board-session';
import { DeviceFs } from '../board/device-fs';
import { PortNotFoundError } from '../board/errors';
import { resolvePortName } from '../board/port-name';

/**
 * serialport is loaded only when a command opens a port: loading it costs more than
 * the rest of the CLI's start-up, and `--help` or a usage error must answer at once.
 */
const serialTransport = () => import('../board/serial-transport');
const portDiscovery = () => import('../board/port-discovery');

export interface CliContext {
  /** `--port`, or null to pick the first likely board. */
  port: string | null;
  baudRate: number;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /**
   * The board, opened once per run. In the raw REPL unless `friendly` (a terminal session
   * that shows the banner); the first call decides.
   */
  session(options?: { friendly?: boolean }): Promise<BoardSession>;
  fs(): Promise<DeviceFs>;
  close(): Promise<void>;
}

export function createCliContext(options: { port: string | null; baudRate: number; out?: NodeJS.WritableStream; err?: NodeJS.WritableStream }): CliContext {
  let session: Promise<BoardSession> | null = null;
  let fs: DeviceFs | null = null;
  const ctx: CliContext = {
    port: options.port,
    baudRate: options.baudRate,
    out: options.out ?? process.stdout,
    err: options.err ?? process.stderr,
    session({ friendly = false } = {}) {
      session ??= (async () => {
        const path = options.port !== null ? resolvePortName(options.port) : await pickPort();
        const { openSerialTransport } = await serialTransport();
        const transport = await openSerialTransport({ path, baudRate: options.baudRate });
        return BoardSession.open(transport, { friendly });
      })();
      return session;
    },
    async fs() {
      fs ??= new DeviceFs(await ctx.session());
      return fs;
    },
    async close() {
      if (!session) return;
      const open = await session.catch(() => null);
      await open?.close();
    },
  };
  return ctx;
}

async function pickPort(): Promise<string> {
  const { listPorts } = await portDiscovery();
  const likely = (await listPorts()).find((p) => p.likelyMicroPython);
  if (!likely) throw new PortNotFoundError('(auto)', new Error('no likely MicroPython board found; pass --port PATH'));
  return likely.path;
}
