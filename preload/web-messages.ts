/**
 * The messages of web mode's WebSocket, shared by the server in main and the bridge
 * in the renderer. Requests and events carry the same channels as Electron's IPC.
 */
import type { WireResult } from './contract-types';

export type ClientMessage =
  | { type: 'invoke'; id: number; channel: string; args: unknown[] }
  | { type: 'subscribe'; channel: string }
  | { type: 'unsubscribe'; channel: string };

export type ServerMessage =
  | { type: 'result'; id: number; result: WireResult<unknown> }
  | { type: 'event'; channel: string; payload: unknown }
  | { type: 'refused'; reason: string };

/** Path of the socket, after `/t/<token>`. */
export const SOCKET_PATH = '/ws';
