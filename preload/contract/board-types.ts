/** Serial ports, the connection to a board and the results of running code on it. */
import type { WireError } from './wire-types';

export interface PortInfo {
  path: string;
  /** A friendly name, e.g. `Raspberry Pi Pico (RP2040)` or `USB serial (CH340)`. */
  friendlyName: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  /** True when the VID/PID is a known MicroPython-capable board. Such ports sort first. */
  likelyMicroPython: boolean;
}

export type ConnectTarget =
  | { kind: 'serial'; path: string; baudRate?: number }
  | { kind: 'virtual' };

export type ConnectionState =
  | 'disconnected'
  | 'connecting'
  | 'idle'
  | 'busy'
  | 'running'
  | 'reconnecting';

export interface BoardStatus {
  state: ConnectionState;
  target: ConnectTarget | null;
  /** e.g. `MicroPython v1.9.2 on 2017-09-01; micro:bit v1.0.1 with nRF51822`. */
  banner?: string;
  /** e.g. `1.9.2`. */
  version?: string;
  /** A stable id for per-board caches and the local mirror. */
  boardId?: string;
  /** The last error, when the state is `disconnected` because of one. */
  error?: WireError;
}

export interface ExecResult {
  stdout: string;
}

export interface RunResult {
  /** `completed`, `stopped` by the user, or `failed` with the board's traceback. */
  outcome: 'completed' | 'stopped' | 'failed';
  traceback?: string;
}
