/**
 * Starts the real web mode (`node bin/web.mjs`) as a user would, in a fresh
 * user-data folder, and reads the URL it prints. For UI and web-mode tests.
 * The renderer must have been built (`npm test` builds it first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface RunningWebApp {
  url: string;
  userDataDir: string;
  process: ChildProcess;
  /** Everything the server wrote to stderr so far, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

export async function startWebApp(options: { userDataDir?: string; extraArgs?: string[] } = {}): Promise<RunningWebApp> {
  const ownsDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'mpstudio-web-')));
  const child = spawn(
    process.execPath,
    ['bin/web.mjs', '--port', '0', '--no-open', '--user-data', userDataDir, ...(options.extraArgs ?? [])],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    // Generous: on a shared 2-core machine under heavy load, Node alone takes tens of seconds to start.
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL in 90 s; stderr: ${stderr}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('http'));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code}; stderr: ${stderr}`));
    });
  });
  return {
    url,
    userDataDir,
    process: child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
