/**
 * IPC registration, against a FAKE ipcMain (the real one needs the Electron binary):
 * one handler per request channel, none for events, requests from any frame but the
 * app's main frame refused, and arguments validated before a handler runs.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../preload/contract';
import { createFakeElectron } from '../support/fake-electron';
import { createDispatch } from '../../main/services/dispatch';
import type { Handlers } from '../../preload/contract';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

const trustedFrame = { url: 'file:///app/index.html' };
const calls: unknown[][] = [];

beforeAll(async () => {
  const { setupIpc } = await import('../../main/electron/ipc');
  const handlers = new Proxy({} as Handlers, {
    get: (_t, channel) => async (...args: unknown[]) => {
      calls.push([channel, ...args]);
      return 'handled';
    },
  });
  setupIpc(createDispatch(handlers), (frame) => frame === (trustedFrame as unknown));
});

describe('setupIpc', () => {
  it('registers exactly the request channels', () => {
    const requests = Object.entries(contract).filter(([, spec]) => spec.kind === 'request').map(([c]) => c);
    expect([...fake.mainHandlers.keys()].sort()).toEqual(requests.sort());
  });

  it('answers the app main frame', async () => {
    const handler = fake.mainHandlers.get('fs:list')!;
    await expect(handler({ senderFrame: trustedFrame }, '/lib', true)).resolves.toEqual({ ok: true, value: 'handled' });
    expect(calls.at(-1)).toEqual(['fs:list', '/lib', true]);
  });

  it('refuses other frames and missing frames', async () => {
    const before = calls.length;
    const handler = fake.mainHandlers.get('board:exec')!;
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'print(1)');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: null }, 'print(1)')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls.length).toBe(before);
  });

  it('refuses invalid arguments before any handler runs', async () => {
    const before = calls.length;
    const handler = fake.mainHandlers.get('fs:remove')!;
    const result = await handler({ senderFrame: trustedFrame }, 'relative/path.py');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(calls.length).toBe(before);
  });
});
