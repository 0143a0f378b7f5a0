/** The `board:*` and `repl:*` channels: ports, the connection, running code and the REPL stream. */
import * as v from 'valibot';
import type { BoardStatus, ExecResult, PortInfo, RunResult } from './board-types';
import { hostPathSchema, sourceSchema } from './shared-schemas';
import { event, request } from './table-helpers';

export const connectTargetSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('serial'),
    path: hostPathSchema,
    baudRate: v.optional(v.pipe(v.number(), v.integer(), v.minValue(300), v.maxValue(12_000_000))),
  }),
  v.strictObject({ kind: v.literal('virtual') }),
]);

export const boardChannels = {
  // board: connection, running code
  'board:listPorts': request<PortInfo[]>()(),
  'board:portsChanged': event<PortInfo[]>(),
  'board:connect': request<BoardStatus>()(connectTargetSchema),
  'board:disconnect': request<void>()(),
  'board:status': request<BoardStatus>()(),
  'board:statusChanged': event<BoardStatus>(),
  'board:exec': request<ExecResult>()(sourceSchema),
  'board:run': request<RunResult>()(
    v.strictObject({ source: sourceSchema, fileName: v.pipe(v.string(), v.maxLength(1024)) }),
  ),
  'board:stop': request<void>()(),
  'board:softReset': request<void>()(),
  'board:hardReset': request<void>()(),
  /** Names a module or dotted expression has on the board, for completion. */
  'board:completions': request<string[]>()(
    v.pipe(v.string(), v.maxLength(200), v.regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$|^$/)),
  ),

  // repl: the friendly REPL as a byte stream
  'repl:write': request<void>()(v.pipe(v.string(), v.maxLength(1024 * 1024))),
  'repl:data': event<string>(),
  /** Text pasted into the terminal: run as one block through the board's paste mode, never as a soft reset. */
  'repl:paste': request<void>()(v.pipe(v.string(), v.maxLength(1024 * 1024))),
  /** The board's recent output (bounded), for a terminal that starts after it was printed. */
  'repl:recent': request<string>()(),
} as const;
