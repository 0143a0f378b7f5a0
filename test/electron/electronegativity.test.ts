/**
 * Electronegativity runs over the app's source with no finding left: each is fixed or
 * suppressed in place with its reason (scripts/electronegativity.mjs). A planted window
 * without those fixes is caught, so a clean scan means something.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/web-app';

const SCRIPT = join(repoRoot, 'scripts', 'electronegativity.mjs');
const planted = mkdtempSync(join(tmpdir(), 'mpstudio-eng-planted-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

function scan(args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('electronegativity', () => {
  it('finds nothing left in main/, preload/ and renderer/, and catches a planted window', async () => {
    writeFileSync(
      join(planted, 'window.js'),
      "const { BrowserWindow, shell } = require('electron');\n" +
        "const w = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } });\n" +
        "w.webContents.on('will-navigate', (e, url) => shell.openExternal(url));\n",
    );
    const [source, plant] = await Promise.all([scan(), scan(['--input', planted])]);
    expect(source.stderr).toBe('');
    expect(source.code).toBe(0);
    expect(plant.code).toBe(1);
    expect(plant.stderr).toContain('OPEN_EXTERNAL_JS_CHECK');
    expect(plant.stderr).toContain('AUXCLICK_JS_CHECK');
  }, 180_000);
});
