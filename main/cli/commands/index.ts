/** Every CLI command, in the order `mpstudio --help` lists them. Adding a command is one line. */
import type { CliCommand } from '../command-registry';
import { catCommand } from './cat';
import { cpCommand } from './cp';
import { dfCommand } from './df';
import { execCommand } from './exec';
import { flashCommand } from './flash';
import { lsCommand } from './ls';
import { mipCommand } from './mip';
import { mkdirCommand } from './mkdir';
import { mvCommand } from './mv';
import { portsCommand } from './ports';
import { replCommand } from './repl';
import { resetCommand } from './reset';
import { rmCommand } from './rm';
import { runCommand } from './run';
import { syncCommand } from './sync';
import { virtualCommand } from './virtual';

export const COMMANDS: readonly CliCommand[] = [
  portsCommand,
  execCommand,
  runCommand,
  lsCommand,
  catCommand,
  cpCommand,
  rmCommand,
  mkdirCommand,
  mvCommand,
  dfCommand,
  syncCommand,
  mipCommand,
  resetCommand,
  replCommand,
  virtualCommand,
  flashCommand,
];
