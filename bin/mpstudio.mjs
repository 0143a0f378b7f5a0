#!/usr/bin/env node
// The `mpstudio` command: registers tsx so the TypeScript CLI runs from source, then runs it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/mpstudio.ts');
process.exitCode = await main(process.argv.slice(2));
