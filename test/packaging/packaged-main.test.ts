/**
 * The packaged app's main process, started from the package under plain Node with a
 * MOCK electron module (test/support/mock-electron.cjs; the Electron binary cannot be
 * downloaded here). Every path it resolves must resolve inside the package: the page,
 * the preload, the board worker and the interpreter's .wasm from app.asar.unpacked.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePackage, layOutPackage } from '../support/packaged-app';
import { repoRoot } from '../support/web-app';

interface MockRecord {
  windows: Array<{ webPreferences: Record<string, unknown> & { preload: string } }>;
  pageUrl: string;
  menu: Array<{ label?: string; role?: string; submenu?: Array<{ label?: string; role?: string; submenu?: Array<{ label?: string }> }> }>;
  ipcChannels: string[];
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  protocols: string[];
}

const MOCK = join(repoRoot, 'test', 'support', 'mock-electron.cjs');
const work = mkdtempSync(join(tmpdir(), 'mpstudio-packaged-main-'));

/** The packaged main process under the mock, and a way to talk to it. */
function startPackagedMain(app: string, packaged: boolean, args: string[] = []) {
  const child: ChildProcess = fork(join(app, 'out', 'main', 'index.cjs'), args, {
    execArgv: ['--require', MOCK],
    env: { ...process.env, MOCK_ELECTRON_USER_DATA: join(work, packaged ? 'user-data' : 'user-data-dev'), MOCK_ELECTRON_PACKAGED: packaged ? '1' : '0' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, (message: { value?: unknown; error?: string }) => void>();
  const ready = new Promise<MockRecord>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the packaged main process exited (${code}) before its window loaded`)));
    child.on('message', (message: { type: string; id?: number; record?: MockRecord; value?: unknown; error?: string }) => {
      if (message.type === 'ready') resolve(message.record!);
      if (message.type === 'reply') pending.get(message.id!)?.(message);
    });
  });
  const ask = <T>(message: object): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply.value as T)));
      child.send({ ...message, id });
    });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.send({ op: 'quit' });
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
  return { ready, ask, stop };
}

let app: string;
let main: ReturnType<typeof startPackagedMain>;
let record: MockRecord;

beforeAll(async () => {
  ensurePackage();
  app = layOutPackage(work);
  writeFileSync(join(work, 'launched.py'), 'print("opened with")\n');
  writeFileSync(join(work, 'second.py'), 'print("second launch")\n');
  // Launched as a file manager's "Open with" does: the file is the argument.
  main = startPackagedMain(app, true, [join(work, 'launched.py')]);
  record = await main.ready;
}, 180_000);

afterAll(async () => {
  await main?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the packaged main process under a mock electron', () => {
  it('opens one sandboxed, isolated window whose preload is in the package', () => {
    expect(record.windows).toHaveLength(1);
    const prefs = record.windows[0]!.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(join(app, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload)).toBe(true);
  });

  it('serves the page from the privileged app:// scheme, with the desktop CSP', async () => {
    expect(record.pageUrl).toBe('app://studio/index.html');
    expect(record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const page = await main.ask<{ status: number; headers: Record<string, string>; body: string }>({ op: 'fetch', url: record.pageUrl });
    expect(page.status).toBe(200);
    const csp = page.headers['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/ws:|unsafe-eval/);
    // Every script and style the page names is served too.
    for (const [, src] of page.body.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) {
      expect((await main.ask<{ status: number }>({ op: 'fetch', url: `app://studio/${src}` })).status).toBe(200);
    }
    expect((await main.ask<{ status: number }>({ op: 'fetch', url: 'app://studio/../../package.json' })).status).toBe(404);
    expect((await main.ask<{ status: number }>({ op: 'fetch', url: 'app://other/index.html' })).status).toBe(404);
  });

  it('registers the contract and a menu without DevTools', () => {
    expect(record.ipcChannels).toContain('board:exec');
    const roles = record.menu.flatMap((menu) => menu.submenu ?? []).map((item) => item.role);
    expect(roles).toContain('togglefullscreen');
    expect(roles).not.toContain('toggleDevTools');
  });

  it('reads File → Examples from the examples beside app.asar', async () => {
    const listed = await main.ask<{ ok: boolean; value: Array<{ name: string }> }>({ op: 'invoke', channel: 'app:examples', args: [] });
    expect(listed.value.map((e) => e.name)).toContain('blink.py');
    const text = await main.ask<{ ok: boolean; value: string }>({ op: 'invoke', channel: 'app:example', args: ['blink.py'] });
    expect(text.value).toMatch(/^# Blink the on-board LED/);
    const file = record.menu.find((menu) => menu.label === '&File')!;
    expect(file.submenu!.find((item) => item.label === 'Examples')!.submenu!.map((item) => item.label)).toEqual(listed.value.map((e) => e.name));
  });

  it('boots the virtual board from the packaged worker and .wasm: print(6*7) answers 42', async () => {
    const status = await main.ask<{ ok: boolean }>({ op: 'invoke', channel: 'board:connect', args: [{ kind: 'virtual' }] });
    expect(status, JSON.stringify(status)).toMatchObject({ ok: true });
    const result = await main.ask<{ ok: boolean; value: { stdout: string } }>({ op: 'invoke', channel: 'board:exec', args: ['print(6*7)'] });
    expect(result).toEqual({ ok: true, value: { stdout: '42\r\n' } });
  });

  it('opens the file it was launched with, and a second launch\'s file in the running window', async () => {
    const take = () => main.ask<{ ok: boolean; value: { files: Array<{ path: string }>; problems: string[] } }>({ op: 'invoke', channel: 'opened:take', args: [] });
    const real = realpathSync(work);
    expect((await take()).value).toEqual({ files: [{ path: join(real, 'launched.py'), name: 'launched.py' }], problems: [] });
    // The second process hands over its argv (executable, switches Chromium added, the file) and quits.
    await main.ask({ op: 'second-instance', argv: ['/opt/MicroPython Studio/mpstudio', '--allow-file-access-from-files', 'second.py'], cwd: work });
    await expect.poll(async () => (await take()).value.files, { timeout: 10_000 }).toEqual([{ path: join(real, 'second.py'), name: 'second.py' }]);
    const record = await main.ask<{ sent: Record<string, number> }>({ op: 'record' });
    expect(record.sent['opened:waiting']).toBeGreaterThanOrEqual(2);
  });

  it('answers only its own page: a look-alike origin is refused and cannot navigate', async () => {
    const foreign = await main.ask({ op: 'invoke', channel: 'board:exec', args: ['print(1)'], foreign: 'app://studio.evil.com/index.html' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const url of ['app://studio.evil.com/', 'file:///etc/passwd', 'https://evil.example/']) {
      expect(await main.ask({ op: 'navigate', url })).toEqual({ prevented: true });
    }
    expect(await main.ask({ op: 'navigate', url: 'app://studio/index.html' })).toEqual({ prevented: false });
  });
});
