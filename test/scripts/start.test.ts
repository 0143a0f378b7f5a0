/**
 * `npm start` on a machine where Electron cannot be had: it says so in one sentence
 * and lands the user in web mode, serving a working app. The download is forced to
 * fail (an unreachable mirror) and the display removed, so the test takes the same
 * path whether or not this machine happens to have the Electron binary. The build is
 * reused (`npm test` builds first) so that other tests serving out/ are not disturbed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/web-app';

describe('npm start without Electron', () => {
  it('falls back to web mode with a one-sentence explanation', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'mpstudio-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, MPSTUDIO_SKIP_BUILD: '1', ELECTRON_MIRROR: 'http://127.0.0.1:9/', DISPLAY: '', WAYLAND_DISPLAY: '' };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-open', '--port', '0', '--user-data', userData], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL in 90 s:\n${output}`)), 90_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /^(http:\/\/127\.0\.0\.1:\d+\/t\/\S+\/)$/m.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
      });
      expect(output).toMatch(/Starting MicroPython Studio in your web browser instead\./);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(userData, { recursive: true, force: true });
    }
  }, 120_000);
});
