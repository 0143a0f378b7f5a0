#!/usr/bin/env node
// Web mode from source: tsx compiles the TypeScript on the fly, so no separate
// build of main is needed (the renderer is served from out/renderer).
import { register } from 'tsx/esm/api';

register();
await import('../main/web/web-cli.ts');
