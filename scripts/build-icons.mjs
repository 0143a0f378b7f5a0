#!/usr/bin/env node
// The app's icons, rasterised from resources/icons/icon.svg (the one source; no PNG is
// kept by hand) into out/icons/<size>x<size>.png: the sizes Linux desktops look up (16–512),
// 256 for Windows (electron-builder makes the .ico) and 1024 for macOS (it makes the .icns).
// The window uses 256x256.png, as Electron's nativeImage cannot read SVG.
// Runs in `npm run build`, with @resvg/resvg-js's prebuilt binary (no download, no compiler).
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = readFileSync(join(root, 'resources', 'icons', 'icon.svg'));
const outDir = join(root, 'out', 'icons');
mkdirSync(outDir, { recursive: true });
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(outDir, `${size}x${size}.png`), png);
}
console.log(`Icons rasterised from resources/icons/icon.svg: ${ICON_SIZES.join(', ')} px (out/icons)`);
