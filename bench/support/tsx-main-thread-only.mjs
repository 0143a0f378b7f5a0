// Runs the TypeScript file named by the first argument with tsx registered in this
// thread only. Worker threads inherit `--import tsx` (slow boots), and they refuse to
// start under `-e` (a worker's execArgv may not hold it), so neither flag is used.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(process.argv[2]).href);
