/**
 * Hostile frames on web mode's socket, sent by a raw `ws` client that holds the token and
 * the server's own Origin: a bad frame costs only its own connection, and every request
 * that carries an id gets exactly one answer. Runs against the real `npm run web` process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../preload/wire-codec';
import type { ServerMessage } from '../../preload/web-messages';
import { MAX_MESSAGE_BYTES } from '../../main/web/web-server';
import { startWebApp, type RunningWebApp } from '../support/web-app';

let app: RunningWebApp;
let socketUrl: string;
let origin: string;

beforeAll(async () => {
  app = await startWebApp();
  const url = new URL(app.url);
  origin = url.origin;
  socketUrl = `${origin.replace('http', 'ws')}${url.pathname}ws`;
});
afterAll(async () => app?.stop());

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl, { headers: { Origin: origin } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => ws.once('message', (data: WebSocket.RawData) => resolve(decodeWire(data.toString()) as ServerMessage)));
}

async function serverStillAnswers(): Promise<void> {
  const ws = await openSocket();
  const reply = nextMessage(ws);
  ws.send(encodeWire({ type: 'invoke', id: 1, channel: 'app:info', args: [] }));
  expect(await reply).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
  ws.close();
  expect(app.process.exitCode).toBeNull();
}

describe('web mode socket under hostile frames', () => {
  it('closes only the socket that sent a text frame of invalid UTF-8', async () => {
    const ws = await openSocket();
    ws.on('error', () => undefined); // The server's close frame may race our own error.
    const closed = closeCode(ws);
    ws.send(Buffer.from([0xff, 0xfe, 0xfd]), { binary: false });
    expect(await closed).toBe(1007); // Invalid frame payload data.
    await serverStillAnswers();
  });

  it('closes only the socket that sent a frame over the size limit, which is far below 96 MiB', async () => {
    expect(MAX_MESSAGE_BYTES).toBeLessThan(32 * 1024 * 1024);
    const ws = await openSocket();
    ws.on('error', () => undefined);
    const closed = closeCode(ws);
    ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20), { binary: false });
    expect(await closed).toBe(1009); // Message too big.
    await serverStillAnswers();
  }, 30_000);

  it('answers a request whose $bytes field is not base64, under its id', async () => {
    const ws = await openSocket();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 77, channel: 'local:write', args: ['x.py', { $bytes: '!!!not base64!!!' }] }));
    expect(await reply).toMatchObject({ type: 'result', id: 77, result: { ok: false, error: { code: 'invalid-argument' } } });
    ws.close();
  });
});
