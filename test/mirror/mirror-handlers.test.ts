/**
 * The mirror and sync as the app wires them: the full handler table from
 * createServices, the real virtual board, and the dispatcher (so every argument goes
 * through the contract). Files written and read through `fs:*` land in the mirror;
 * `mirror:restore` puts one back; hostile arguments are refused before any handler.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/services/create-services';

describe('mirror and sync through the app’s handler table', () => {
  let base: string;
  let services: Services;
  const events: Array<[string, unknown]> = [];
  const call = async (channel: string, ...args: unknown[]) => services.dispatch(channel, args);
  const ok = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
    const result = await call(channel, ...args);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-mirror-app-'));
    services = await createServices({ mode: 'web', userDataDir: join(base, 'user-data'), appVersion: '0', emit: (channel, payload) => events.push([channel, payload]) });
    await ok('board:connect', { kind: 'virtual' });
  }, 60_000);
  afterAll(async () => {
    await services?.dispose();
    await rm(base, { recursive: true, force: true });
  });

  it('mirrors what is written and read, under the board’s id', async () => {
    await ok('fs:write', '/saved.py', new TextEncoder().encode('v = 1\n'));
    // Other content over an existing file needs the user's consent for exactly the file they saw.
    const refused = await call('fs:write', '/saved.py', new TextEncoder().encode('v = 2\n'));
    const v1 = createHash('sha256').update('v = 1\n').digest('hex');
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', conflict: { target: { side: 'board', path: '/saved.py', size: 6, sha256: v1 } } } });
    await ok('fs:write', '/saved.py', new TextEncoder().encode('v = 2\n'), undefined, { replaces: v1 });
    const read = await ok<Uint8Array>('fs:read', '/saved.py');
    // A plain Uint8Array, not a Node Buffer (which web mode's JSON would mangle).
    expect(Object.getPrototypeOf(read)).toBe(Uint8Array.prototype);
    expect(await ok('mirror:boards')).toEqual([expect.objectContaining({ boardId: 'virtual', files: 1 })]);
    expect(await ok('mirror:list', 'virtual')).toEqual([expect.objectContaining({ path: '/saved.py', size: 6, versions: 1 })]);
    expect(events.some(([channel, payload]) => channel === 'mirror:changed' && (payload as { boardId: string }).boardId === 'virtual')).toBe(true);
  });

  it('restores the mirrored copy to the board', async () => {
    await ok('fs:remove', '/saved.py', false);
    expect(await ok('fs:stat', '/saved.py')).toBeNull();
    await ok('mirror:restore', 'virtual', '/saved.py');
    expect(new TextDecoder().decode(await ok<Uint8Array>('fs:read', '/saved.py'))).toBe('v = 2\n');
  });

  it('refuses hostile or unknown arguments in plain words', async () => {
    expect(await call('mirror:read', 'virtual', 'relative.py')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('mirror:read', 'nobody', '/x.py')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('mirror:saveToLocal', 'virtual', '/saved.py', '../escape.py')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('sync:preview', { direction: 'upload', localDir: '../..', boardDir: '/', deleteExtra: false })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('sync:preview', { direction: 'sideways', localDir: '', boardDir: '/', deleteExtra: false })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('sync:apply', 'not-a-plan')).toMatchObject({ ok: false, error: { code: 'not-found', message: 'This sync preview is out of date: preview again.' } });
    expect(await call('sync:copyToBoard', [], '/', 'x')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    // No local folder chosen yet: sync says what to do.
    expect(await call('sync:preview', { direction: 'upload', localDir: '', boardDir: '/', deleteExtra: false })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('No local folder') },
    });
  });
});
