#!/usr/bin/env node
// The `mpstudio` command. It runs the bundle in out/cli (made by `npm install`, `npm run build`
// and `npm test`), which starts in tens of milliseconds. Only a source checkout with no
// bundle yet compiles the TypeScript on the fly with tsx, a development dependency.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/mpstudio.mjs', import.meta.url);
let main;
if (existsSync(bundle)) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../main/cli/mpstudio.ts'));
}
process.exitCode = await main(process.argv.slice(2));
