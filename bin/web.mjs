#!/usr/bin/env node
// Web mode. It runs the bundle in out/cli (made by `npm install`, `npm run build` and
// `npm test`); only a source checkout with no bundle yet compiles the TypeScript on the
// fly with tsx, a development dependency. The page itself is served from out/renderer.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/web-cli.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/web/web-cli.ts');
}
