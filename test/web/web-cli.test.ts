/** `npm run web`'s command line: one line of output, clean exit on signals, clear errors. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot, startWebApp } from '../support/web-app';

describe('web mode command line', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints exactly one line, the URL, and exits 0 on ${signal}`, async () => {
      const app = await startWebApp();
      let stdout = '';
      app.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{40,}\/$/);
      const exit = new Promise<number | null>((resolve) => app.process.once('exit', (code) => resolve(code)));
      app.process.kill(signal);
      expect(await exit).toBe(0);
      expect(stdout).toBe('');
      await app.stop();
    });
  }

  it('refuses a bad port with a clear message and exit code 2', () => {
    const run = spawnSync(process.execPath, ['bin/web.mjs', '--port', 'abc', '--no-open'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--port must be 0..65535');
  });

  it('refuses unknown options', () => {
    const run = spawnSync(process.execPath, ['bin/web.mjs', '--evil'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/mpstudio web: .*--evil/);
  });
});
