/**
 * Web mode's side of the contract: the same `StudioApi` the Electron preload gives,
 * built over the token-protected WebSocket of `npm run web`. The token is the path
 * segment after `/t/` in the page's own URL.
 */
import { buildApi, type ApiLink } from '../../preload/build-api';
import type { StudioApi } from '../../preload/contract';
import type { WireResult } from '../../preload/contract-types';
import { SOCKET_PATH, type ClientMessage, type ServerMessage } from '../../preload/web-messages';
import { decodeWire, encodeWire } from '../../preload/wire-codec';
import { serverLink } from './server-link';

const RECONNECT_DELAY_MS = 1000;

export function socketUrlFor(location: Location): string {
  const match = /^(\/t\/[^/]+)\//.exec(location.pathname);
  if (!match) throw new Error('This page was opened without its access token. Use the URL that "npm run web" printed.');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${match[1]}${SOCKET_PATH}`;
}

export function createWebBridge(url: string): StudioApi {
  let socket: WebSocket | undefined;
  let nextId = 1;
  const pending = new Map<number, (result: WireResult<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const outbox: string[] = [];

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      // Subscribed before anyone hears the link is back: a listener that then asks for the
      // current state (the board's status) must get every change after that answer too.
      // Announced first, its request would overtake the subscriptions on the socket.
      for (const channel of listeners.keys()) ws.send(encodeWire({ type: 'subscribe', channel } satisfies ClientMessage));
      for (const text of outbox.splice(0)) ws.send(text);
      serverLink.set('open');
    });
    ws.addEventListener('message', (event) => {
      const message = decodeWire(String(event.data)) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
      }
    });
    ws.addEventListener('close', () => {
      // Said at once: the pill and the buffers' keeping in this browser follow it (server-link.ts).
      serverLink.set('lost');
      // Requests in flight can't be answered by a new socket: fail them plainly.
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'disconnected', message: 'Lost the connection to the MicroPython Studio server.' } });
        pending.delete(id);
      }
      setTimeout(connect, RECONNECT_DELAY_MS);
    });
  }

  function send(message: ClientMessage): void {
    const text = encodeWire(message);
    if (socket?.readyState === WebSocket.OPEN) socket.send(text);
    else outbox.push(text);
  }

  const link: ApiLink = {
    invoke(channel, args) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'invoke', id, channel, args });
      });
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        send({ type: 'subscribe', channel });
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(channel);
          send({ type: 'unsubscribe', channel });
        }
      };
    },
  };

  connect();
  return buildApi(link);
}
