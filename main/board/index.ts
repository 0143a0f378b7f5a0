/**
 * The board engine's public names. Everything else in this folder is internal to it.
 */
export type { Transport, TransportCloseReason, TransportEvents } from './transport';
export { SerialTransport, openSerialTransport } from './serial-transport';
export { listPorts, watchPorts, toPortInfo, sortPorts } from './port-discovery';
export { KNOWN_BOARDS, lookupBoard } from './known-boards';
export { BoardSession, type ExecOptions, type SessionActivity } from './board-session';
export { DeviceFs, type TransferOptions } from './device-fs';
export type { BoardFsFeatures } from './fs-capabilities';
export { ConnectionManager, type ConnectionManagerOptions } from './connection-manager';
export { pyStr, pyBytes, pyValue } from './python-literal';
export {
  BoardError,
  BoardTimeoutError,
  BoardDisconnectedError,
  BoardExecError,
  BoardMemoryError,
  BoardBusyError,
  NotConnectedError,
  PortBusyError,
  PortAccessError,
  PortNotFoundError,
  BoardFsError,
  DiskFullError,
  NotSupportedError,
  TransferCancelledError,
  toWireError,
} from './errors';
