#!/usr/bin/env node
// `npm run dist:check`: packages the app the way the installers do (electron-builder's
// `dir` target, from electron-builder.yml), then checks the package: everything the app
// loads at run time is in it, what must be on disk is unpacked, and no development-only
// package was shipped (scripts/package-check/). Runs in `npm test`, after `npm run build`.
//
// The Electron binary cannot be downloaded here, so electron-builder copies a STAND-IN
// Electron distribution: a folder holding a placeholder executable. Only the steps that
// need the real binary are switched off: flipping its fuses (they are written into the
// binary) and rebuilding native modules against its headers (serialport ships prebuilt
// Node-API binaries). Linux `dir` targets are not signed.
//
//   node scripts/dist-check.mjs                 build dist/check/ and inspect it
//   node scripts/dist-check.mjs --inspect DIR   inspect an existing package's resources folder
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectPackage } from './package-check/inspect-package.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHECK_OUTPUT = join(root, 'dist', 'check');
const TARGET = { platform: 'linux', arch: 'x64' };
const STAND_IN = join(root, 'dist', 'electron-stand-in');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { default: yaml } = await import('js-yaml');
const builderConfig = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

function fail(message) {
  console.error(`dist:check: ${message}`);
  process.exit(1);
}

function makeStandIn() {
  mkdirSync(join(STAND_IN, 'resources'), { recursive: true });
  const executable = join(STAND_IN, 'electron');
  writeFileSync(executable, '#!/bin/sh\necho "electron-stand-in: a placeholder for the Electron binary (dist:check only)" >&2\nexit 1\n');
  chmodSync(executable, 0o755);
}

async function buildPackage() {
  for (const built of ['out/main/index.cjs', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(root, built))) fail(`${built} is missing: run "npm run build" first.`);
  }
  makeStandIn();
  // electron-builder hard-links files into place and stops with EEXIST on any left from
  // an earlier build, so a second run in the same checkout starts from nothing.
  rmSync(CHECK_OUTPUT, { recursive: true, force: true });
  const { build, Platform, Arch } = await import('electron-builder');
  const config = builderConfig;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch[TARGET.arch]),
    publish: 'never',
    config: {
      ...config,
      electronDist: STAND_IN,
      electronFuses: null,
      npmRebuild: false,
      directories: { ...config.directories, output: CHECK_OUTPUT },
    },
  });
  return join(CHECK_OUTPUT, 'linux-unpacked', 'resources');
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

const inspectAt = process.argv.indexOf('--inspect');
const started = performance.now();
const resourcesDir = inspectAt > 0 ? process.argv[inspectAt + 1] : await buildPackage();
const extraResources = (builderConfig.extraResources ?? []).map(({ from, to }) => ({ from: join(root, from), to }));
const { problems, required, sizes } = inspectPackage(resourcesDir, { ...TARGET, devDependencies: Object.keys(rootManifest.devDependencies ?? {}), extraResources });
if (problems.length) {
  fail(`the package in ${resourcesDir} would not run:\n  ${problems.join('\n  ')}\n` +
    'Fix "files", "asarUnpack" or "extraResources" in electron-builder.yml, or the dependencies in package.json.');
}
const onDisk = [...required.values()].filter((file) => file.onDisk).length;
console.log(
  `dist:check: ${required.size} files the app loads are packaged (${onDisk} unpacked on disk); ` +
    `size ${megabytes(sizes.asar + sizes.unpacked)} (app.asar ${megabytes(sizes.asar)} + unpacked ${megabytes(sizes.unpacked)}); ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
