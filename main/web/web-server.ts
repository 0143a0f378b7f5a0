/**
 * Web mode: serves the renderer and the IPC contract to a browser over HTTP and a
 * WebSocket on loopback. Every request must carry the secret token and pass the
 * Host/Origin checks; every invocation goes through the same dispatcher as
 * Electron's IPC, so the browser gets exactly the desktop app's API.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FILE_BYTES, MAX_SOURCE_CHARS, isEventChannel, type EventChannel, type PayloadOf } from '../../preload/contract';
import { SOCKET_PATH, type ClientMessage, type ServerMessage } from '../../preload/web-messages';
import { decodeWire, encodeWire } from '../../preload/wire-codec';
import type { Dispatch } from '../services/dispatch';
import { checkRequest, TOKEN_PATH_PREFIX, type GuardConfig } from './request-guard';
import { contentSecurityPolicy, sendStaticFile } from './static-files';

/**
 * The largest legitimate message: a file of MAX_FILE_BYTES as base64 (4/3 of it), or a
 * source of MAX_SOURCE_CHARS as UTF-8 (at most 3 bytes a unit), plus 1 MiB for the JSON
 * around it. Anything larger only costs memory, so the socket refuses it.
 */
export const MAX_MESSAGE_BYTES = Math.max(Math.ceil(MAX_FILE_BYTES / 3) * 4, MAX_SOURCE_CHARS * 3) + 1024 * 1024;

export interface WebServerOptions {
  /** Folder of the built renderer (`out/renderer`). */
  staticDir: string;
  dispatch: Dispatch;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random 32-byte one otherwise. */
  token?: string;
}

export interface WebServer {
  /** The full URL to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Pushes an event to every socket subscribed to its channel. */
  emit<C extends EventChannel>(channel: C, payload: PayloadOf<C>): void;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const subscriptions = new Map<WebSocket, Set<string>>();
  const guard: GuardConfig = { token, allowedHosts: new Set() };
  let csp = '';

  const server: Server = createServer((request, response) => {
    const verdict = checkRequest(request, guard);
    if (!verdict.ok) {
      response.writeHead(verdict.status, { 'Content-Type': 'text/plain' });
      response.end(`Refused: ${verdict.reason}.`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET' });
      response.end();
      return;
    }
    void sendStaticFile(response, options.staticDir, verdict.rest, csp);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkRequest(request, guard);
    if (!verdict.ok || verdict.rest !== SOCKET_PATH || request.headers.origin === undefined) {
      const status = verdict.ok ? 403 : verdict.status;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  function send(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(encodeWire(message));
  }

  function serveSocket(ws: WebSocket): void {
    const channels = new Set<string>();
    subscriptions.set(ws, channels);
    ws.on('close', () => subscriptions.delete(ws));
    // A malformed frame (bad UTF-8, over maxPayload) makes `ws` close this socket with an
    // error event; without a listener that event would end the whole server.
    ws.on('error', (err) => {
      console.warn(`web mode: closed a socket after a bad frame: ${err.message}`);
      subscriptions.delete(ws);
    });
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      let message: ClientMessage;
      try {
        message = decodeWire(text) as ClientMessage;
      } catch {
        // Every request gets exactly one answer: one whose JSON holds an id but not valid
        // bytes (bad base64 in `$bytes`) is answered under that id.
        const id = invokeIdOf(text);
        if (id === undefined) send(ws, { type: 'refused', reason: 'message is not JSON' });
        else send(ws, { type: 'result', id, result: { ok: false, error: { code: 'invalid-argument', message: 'The request holds bytes that are not valid base64.' } } });
        return;
      }
      void handleMessage(ws, channels, message);
    });
  }

  async function handleMessage(ws: WebSocket, channels: Set<string>, message: ClientMessage): Promise<void> {
    if (message?.type === 'invoke' && Number.isSafeInteger(message.id)) {
      send(ws, { type: 'result', id: message.id, result: await options.dispatch(message.channel, message.args) });
    } else if ((message?.type === 'subscribe' || message?.type === 'unsubscribe') && isEventChannel(message.channel)) {
      if (message.type === 'subscribe') channels.add(message.channel);
      else channels.delete(message.channel);
    } else {
      send(ws, { type: 'refused', reason: 'unknown message or channel' });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  guard.allowedHosts.add(`${hostForUrl}:${port}`.toLowerCase());
  if (host === '127.0.0.1' || host === '::1') guard.allowedHosts.add(`localhost:${port}`);
  csp = contentSecurityPolicy(`ws://${hostForUrl}:${port} ws://localhost:${port}`);

  return {
    url: `http://${hostForUrl}:${port}${TOKEN_PATH_PREFIX}${token}/`,
    port,
    token,
    emit(channel, payload) {
      const text = encodeWire({ type: 'event', channel, payload } satisfies ServerMessage);
      for (const [ws, channels] of subscriptions) {
        if (channels.has(channel) && ws.readyState === ws.OPEN) ws.send(text);
      }
    },
    async close() {
      for (const ws of subscriptions.keys()) ws.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The id of an `invoke` message whose bytes failed to decode, if its JSON names one. */
function invokeIdOf(text: string): number | undefined {
  try {
    const raw = JSON.parse(text) as { type?: unknown; id?: unknown } | null;
    return raw?.type === 'invoke' && Number.isSafeInteger(raw.id) ? (raw.id as number) : undefined;
  } catch {
    return undefined;
  }
}
