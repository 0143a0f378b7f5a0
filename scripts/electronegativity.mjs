#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over the app's source: main,
// preload and renderer. Every finding either gets fixed or is suppressed in place with an
// `eng-disable CHECK_ID` comment on its line and the reason beside it; this exits 1 on any
// finding left. It is told the Electron version (else it asks GitHub, unreachable here).
//
//   node scripts/electronegativity.mjs [--input DIR]   (default: a copy of main/, preload/, renderer/)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

const work = mkdtempSync(join(tmpdir(), 'mpstudio-electronegativity-'));
try {
  const at = process.argv.indexOf('--input');
  const input = at > 0 ? process.argv[at + 1] : join(work, 'src');
  // One scan over the three source folders (it takes one input), without tests or builds.
  if (at < 0) for (const dir of ['main', 'preload', 'renderer']) cpSync(join(root, dir), join(input, dir), { recursive: true });
  const report = join(work, 'findings.csv');
  const run = spawnSync(process.execPath, [cli, '-i', input, '-r', '-e', electronVersion, '-o', report], { encoding: 'utf8' });
  let rows;
  try {
    rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  } catch {
    console.error(`electronegativity did not run (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    process.exit(2);
  }
  if (rows.length) {
    console.error(`electronegativity: ${rows.length} finding(s). Fix each, or suppress it in place with "// eng-disable CHECK_ID" and the reason:`);
    for (const row of rows) console.error(`  ${row.split(',').slice(0, 5).join(' ')}`);
    process.exit(1);
  }
  console.log(`electronegativity: no findings in ${at > 0 ? input : 'main/, preload/, renderer/'} (Electron ${electronVersion})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
