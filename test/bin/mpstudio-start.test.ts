/**
 * How `mpstudio` starts (bin/mpstudio.mjs): from the bundle in out/cli, with no tsx
 * installed at all (tsx is a development dependency); and, in a source checkout with
 * no bundle yet, from the TypeScript through tsx. Each runs in a copy of the project
 * laid out with links to the real folders.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/web-app';

const work = mkdtempSync(join(tmpdir(), 'mpstudio-bin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function layOut(name: string, options: { bundle: boolean; tsx: boolean }): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(dir, 'package.json'));
  for (const source of ['main', 'preload', 'runtime']) symlinkSync(join(repoRoot, source), join(dir, source));
  if (options.bundle) {
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(repoRoot, 'out', 'cli'), join(dir, 'out', 'cli'));
  }
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry === 'tsx' && !options.tsx) continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

const help = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin', 'mpstudio.mjs'), '--help'], { cwd: dir, encoding: 'utf8' });

describe('bin/mpstudio.mjs', () => {
  it('runs from the bundle with no tsx installed', () => {
    const run = help(layOut('bundle-no-tsx', { bundle: true, tsx: false }));
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('usage: mpstudio');
  });

  it('falls back to tsx in a source checkout with no bundle', () => {
    const run = help(layOut('source-only', { bundle: false, tsx: true }));
    expect(run.stdout).toContain('usage: mpstudio');
  });

  it('cannot start from source without tsx: the bundle is what makes it independent', () => {
    const run = help(layOut('source-no-tsx', { bundle: false, tsx: false }));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Cannot find package 'tsx'");
  });
});
