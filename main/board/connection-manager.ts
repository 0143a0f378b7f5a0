/**
 * Holds the one active board session: connect and disconnect, status events, the port
 * watch, automatic reconnect to the same board (serial number, else path) after a reset
 * or replug, and the user-visible output stream (REPL text and program output, never
 * protocol traffic) in batches, for the terminal and the plotter alike.
 */
import { EventEmitter } from 'node:events';
import type { BoardStatus, ConnectTarget, PortInfo } from '../../preload/contract-types';
import { BoardSession } from './board-session';
import { DeviceFs } from './device-fs';
import { BoardDisconnectedError, BoardNoAnswerError, BoardTimeoutError, NotConnectedError, toWireError } from './errors';
import { OutputBatcher } from './output-batcher';
import { listPorts, watchPorts, type PortLister } from './port-discovery';
import { resolvePortName } from './port-name';
import { openSerialTransport } from './serial-transport';
import type { Transport } from './transport';

export interface ConnectionManagerOptions {
  /** The virtual board's transport factory (runtime's createVirtualBoardTransport), injected. */
  createVirtualTransport?: () => Promise<Transport>;
  /** Opens a serial target; tests may pass their own. */
  openSerial?: (target: Extract<ConnectTarget, { kind: 'serial' }>) => Promise<Transport>;
  autoReconnect?: boolean;
  /** How long to keep trying to get a lost board back. */
  reconnectWindowMs?: number;
  lister?: PortLister;
  outputIntervalMs?: number;
}

export interface ConnectionManagerEvents {
  status: (status: BoardStatus) => void;
  ports: (ports: PortInfo[]) => void;
  /** User-visible text in batches. */
  output: (text: string) => void;
}

const RECONNECT_POLL_MS = 500;

export class ConnectionManager extends EventEmitter {
  autoReconnect: boolean;
  #options: ConnectionManagerOptions;
  #session: BoardSession | null = null;
  #fs: DeviceFs | null = null;
  #status: BoardStatus = { state: 'disconnected', target: null };
  #batcher: OutputBatcher;
  #stopWatch: (() => void) | null = null;
  #serialNumber: string | undefined;
  #generation = 0;

  constructor(options: ConnectionManagerOptions = {}) {
    super();
    this.#options = options;
    this.autoReconnect = options.autoReconnect ?? true;
    this.#batcher = new OutputBatcher((text) => this.emit('output', text), options.outputIntervalMs ?? 16);
  }

  /** Subscribes to the batched user-visible output (the plotter's PlotOutputSource). */
  onOutput(listener: (text: string) => void): () => void {
    this.on('output', listener);
    return () => this.off('output', listener);
  }

  get status(): BoardStatus {
    return this.#status;
  }

  /** The active session, or a NotConnectedError. */
  session(): BoardSession {
    if (!this.#session?.isOpen) throw new NotConnectedError();
    return this.#session;
  }

  fs(): DeviceFs {
    this.session();
    return this.#fs as DeviceFs;
  }

  listPorts(): Promise<PortInfo[]> {
    return listPorts(this.#options.lister);
  }

  /** Starts polling for plugged and unplugged ports (emits `ports`). */
  watchPorts(intervalMs = 1000): void {
    this.#stopWatch ??= watchPorts((ports) => this.emit('ports', ports), { intervalMs, ...(this.#options.lister && { lister: this.#options.lister }) });
  }

  /**
   * Connects to `target`. A board that is on and idle stays on until the new one answers,
   * so a port that does not answer leaves the user where they were, not disconnected.
   */
  async connect(requested: ConnectTarget): Promise<BoardStatus> {
    const target: ConnectTarget = requested.kind === 'serial' ? { ...requested, path: resolvePortName(requested.path) } : requested;
    const previous = this.#keepWhileSwitching(target);
    if (!previous) await this.disconnect();
    const generation = ++this.#generation;
    const serialNumber = this.#serialNumber;
    this.#setStatus({ state: 'connecting', target });
    try {
      if (target.kind === 'serial') this.#serialNumber = (await this.listPorts().catch(() => [])).find((p) => p.path === target.path)?.serialNumber;
      await this.#open(target, generation);
    } catch (cause) {
      const err = cause instanceof BoardTimeoutError && target.kind === 'serial' ? new BoardNoAnswerError(target.path, cause) : cause;
      if (previous?.session.isOpen && generation === this.#generation) {
        this.#serialNumber = serialNumber;
        this.#setStatus(previous.status);
      } else if (generation === this.#generation) {
        await previous?.session.close().catch(() => undefined);
        this.#session = null;
        this.#fs = null;
        this.#setStatus({ state: 'disconnected', target: null, error: toWireError(err) });
      }
      throw err;
    }
    if (previous) await previous.session.close().catch(() => undefined);
    return this.#status;
  }

  /** The session to keep while switching: an idle one on another target, else none. */
  #keepWhileSwitching(target: ConnectTarget): { session: BoardSession; status: BoardStatus } | null {
    const session = this.#session;
    const status = this.#status;
    if (!session?.isOpen || status.state !== 'idle' || !status.target) return null;
    const same = status.target.kind === target.kind && (target.kind === 'virtual' || (status.target.kind === 'serial' && status.target.path === target.path));
    return same ? null : { session, status };
  }

  async disconnect(): Promise<void> {
    this.#generation++;
    const session = this.#session;
    this.#session = null;
    this.#fs = null;
    if (session) await session.close().catch(() => undefined);
    this.#batcher.flush();
    if (this.#status.state !== 'disconnected' || this.#status.error) this.#setStatus({ state: 'disconnected', target: null });
  }

  async dispose(): Promise<void> {
    this.#stopWatch?.();
    this.#stopWatch = null;
    await this.disconnect();
  }

  async #open(target: ConnectTarget, generation: number): Promise<void> {
    const transport = await this.#openTransport(target);
    const session = await BoardSession.open(transport);
    if (generation !== this.#generation) {
      await session.close();
      return;
    }
    this.#session = session;
    this.#fs = new DeviceFs(session);
    if (session.greeting) this.#batcher.push(new TextEncoder().encode(session.greeting));
    session.on('terminal', (bytes) => this.#batcher.push(bytes));
    session.on('activity', (activity) => {
      if (this.#session === session) this.#setStatus({ ...this.#readyStatus(target, session), state: activity });
    });
    session.on('closed', (reason) => {
      if (this.#session !== session) return;
      this.#session = null;
      this.#fs = null;
      this.#batcher.flush();
      const lost = reason.kind === 'lost' ? new BoardDisconnectedError(`Lost the link to ${session.transport.description}.`, reason.cause) : null;
      if (lost && this.autoReconnect && target.kind === 'serial') void this.#reconnect(target, generation, lost);
      else this.#setStatus({ state: 'disconnected', target: null, ...(lost && { error: toWireError(lost) }) });
    });
    this.#setStatus(this.#readyStatus(target, session));
  }

  #openTransport(target: ConnectTarget): Promise<Transport> {
    if (target.kind === 'virtual') {
      if (!this.#options.createVirtualTransport) throw new NotConnectedError('The virtual board is not available in this build.');
      return this.#options.createVirtualTransport();
    }
    return (this.#options.openSerial ?? ((t) => openSerialTransport({ path: t.path, ...(t.baudRate !== undefined && { baudRate: t.baudRate }) })))(target);
  }

  /**
   * Waits for the same board to come back (same serial number, else same path), then reconnects.
   * Only a port the list shows is opened: a path that is gone may be handed to another device
   * (Linux reuses a freed pty number for the very next pty), and opening it would take that
   * device from whoever owns it.
   */
  async #reconnect(target: Extract<ConnectTarget, { kind: 'serial' }>, generation: number, cause: Error): Promise<void> {
    this.#setStatus({ state: 'reconnecting', target });
    const deadline = Date.now() + (this.#options.reconnectWindowMs ?? 30_000);
    while (Date.now() < deadline && generation === this.#generation) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_POLL_MS));
      const ports = await this.listPorts().catch(() => [] as PortInfo[]);
      const match = (this.#serialNumber && ports.find((p) => p.serialNumber === this.#serialNumber)) || ports.find((p) => p.path === target.path);
      if (!match) continue;
      try {
        await this.#open({ ...target, path: match.path }, generation);
        return;
      } catch {
        // Still resetting; try again until the window closes.
      }
    }
    if (generation === this.#generation) this.#setStatus({ state: 'disconnected', target: null, error: toWireError(cause) });
  }

  #readyStatus(target: ConnectTarget, session: BoardSession): BoardStatus {
    const status: BoardStatus = { state: 'idle', target, boardId: target.kind === 'virtual' ? 'virtual' : (this.#serialNumber ?? target.path) };
    if (session.info.banner) status.banner = session.info.banner;
    if (session.info.version) status.version = session.info.version;
    return status;
  }

  #setStatus(status: BoardStatus): void {
    this.#status = status;
    this.emit('status', status);
  }

  override on<E extends keyof ConnectionManagerEvents>(event: E, listener: ConnectionManagerEvents[E]): this {
    return super.on(event, listener);
  }
  override off<E extends keyof ConnectionManagerEvents>(event: E, listener: ConnectionManagerEvents[E]): this {
    return super.off(event, listener);
  }
}
