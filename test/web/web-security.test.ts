/**
 * Web mode refuses every request that lacks the token, comes through a foreign
 * Host or Origin, names an unknown channel, or passes invalid arguments — and still
 * answers a well-formed request. Runs against the real `npm run web` process.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../preload/wire-codec';
import type { ServerMessage } from '../../preload/web-messages';
import { startWebApp, type RunningWebApp } from '../support/web-app';

let app: RunningWebApp;
let origin: string;
let tokenPath: string;

beforeAll(async () => {
  app = await startWebApp();
  const url = new URL(app.url);
  origin = url.origin;
  tokenPath = url.pathname;
});
afterAll(async () => app?.stop());

function get(path: string, headers: Record<string, string> = {}): Promise<number> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(path: string, headers: Record<string, string> = { Origin: '' }): Promise<WebSocket> {
  const finalHeaders = { ...headers };
  if (finalHeaders.Origin === '') finalHeaders.Origin = origin;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}${path}`, { headers: finalHeaders });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function invoke(ws: WebSocket, channel: string, args: unknown[]): Promise<ServerMessage> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = decodeWire(data.toString()) as ServerMessage;
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
    ws.send(encodeWire({ type: 'invoke', id, channel, args }));
  });
}

describe('web mode HTTP', () => {
  it('serves the page with the token', async () => {
    expect(await get(tokenPath)).toBe(200);
  });
  it('refuses a request without a token', async () => {
    expect(await get('/')).toBe(401);
    expect(await get('/index.html')).toBe(401);
  });
  it('refuses a wrong token, for the page and its assets', async () => {
    expect(await get('/t/not-the-token/')).toBe(401);
    expect(await get('/t/not-the-token/favicon.svg')).toBe(401);
  });
  it('refuses a wrong Host header (DNS rebinding)', async () => {
    expect(await get(tokenPath, { Host: `evil.example:${new URL(origin).port}` })).toBe(403);
  });
  it('refuses a wrong Origin', async () => {
    expect(await get(tokenPath, { Origin: 'http://evil.example' })).toBe(403);
  });
  it('does not serve files outside the renderer folder', async () => {
    expect(await get(`${tokenPath}..%2f..%2fpackage.json`)).toBe(404);
  });
});

describe('web mode WebSocket', () => {
  it('answers a valid request', async () => {
    const ws = await openSocket(`${tokenPath}ws`);
    const reply = await invoke(ws, 'app:info', []);
    expect(reply).toMatchObject({ type: 'result', result: { ok: true, value: { mode: 'web' } } });
    ws.close();
  });
  it('refuses a socket without the token or with a wrong one', async () => {
    await expect(openSocket('/ws')).rejects.toThrow(/401/);
    await expect(openSocket('/t/wrong/ws')).rejects.toThrow(/401/);
  });
  it('refuses a socket from a foreign Origin, or with none', async () => {
    await expect(openSocket(`${tokenPath}ws`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(openSocket(`${tokenPath}ws`, {})).rejects.toThrow(/403/);
  });
  it('refuses a socket with a wrong Host', async () => {
    await expect(openSocket(`${tokenPath}ws`, { Origin: origin, Host: 'evil.example' })).rejects.toThrow(/403/);
  });
  it('refuses an unknown channel', async () => {
    const ws = await openSocket(`${tokenPath}ws`);
    const reply = await invoke(ws, 'board:formatEverything', []);
    expect(reply).toMatchObject({ result: { ok: false, error: { code: 'unknown-channel' } } });
    const eventAsRequest = await invoke(ws, 'repl:data', []);
    expect(eventAsRequest).toMatchObject({ result: { ok: false, error: { code: 'unknown-channel' } } });
    ws.close();
  });
  it('refuses invalid arguments', async () => {
    const ws = await openSocket(`${tokenPath}ws`);
    const wrongType = await invoke(ws, 'fs:list', [42]);
    expect(wrongType).toMatchObject({ result: { ok: false, error: { code: 'invalid-argument' } } });
    const relativePath = await invoke(ws, 'fs:read', ['main.py']);
    expect(relativePath).toMatchObject({ result: { ok: false, error: { code: 'invalid-argument' } } });
    const extraKey = await invoke(ws, 'settings:update', [{ fontSize: 12, evil: true }]);
    expect(extraKey).toMatchObject({ result: { ok: false, error: { code: 'invalid-argument' } } });
    const badUrl = await invoke(ws, 'app:openExternal', ['javascript:alert(1)']);
    expect(badUrl).toMatchObject({ result: { ok: false, error: { code: 'invalid-argument' } } });
    ws.close();
  });
});
