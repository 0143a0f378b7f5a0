/**
 * `mpstudio mip install|list|remove`: MicroPython packages, as mpremote's `mip` installs
 * them (host-side downloads, then the engine's verified transfers). See main/packages.
 *   mip install [--index URL] [--target DIR] [--no-mpy] PKG[@VERSION]...
 *   mip list [--target DIR]
 *   mip remove [--target DIR] [--with-deps] PKG...
 */
import { installPackages } from '../../packages/install-packages';
import { listInstalled } from '../../packages/list-installed';
import { removePackage } from '../../packages/remove-package';
import type { FileProgress } from '../../packages/write-plan';
import { EXIT, UsageError, type CliCommand } from '../command-registry';
import type { CliContext } from '../cli-context';

interface MipArgs {
  index?: string;
  target?: string;
  mpy: boolean;
  withDeps: boolean;
  names: string[];
}

function parseMipArgs(args: string[]): MipArgs {
  const parsed: MipArgs = { mpy: true, withDeps: false, names: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--index') parsed.index = value();
    else if (arg === '--target') parsed.target = value().replace(/^:/, '');
    else if (arg === '--no-mpy') parsed.mpy = false;
    else if (arg === '--with-deps') parsed.withDeps = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else parsed.names.push(arg);
  }
  return parsed;
}

export const mipCommand: CliCommand = {
  name: 'mip',
  usage: 'mip install [--index URL] [--target DIR] [--no-mpy] PKG[@VERSION]... | mip list | mip remove PKG...',
  summary: 'install MicroPython packages (micropython-lib, github:, http(s)://), list or remove them',
  needsBoard: true,
  async run(ctx, args) {
    const [verb, ...rest] = args;
    const options = parseMipArgs(rest);
    if (verb === 'install') return install(ctx, options);
    if (verb === 'list') return list(ctx, options);
    if (verb === 'remove') return remove(ctx, options);
    throw new UsageError(verb ? `unknown mip command "${verb}"` : 'expected install, list or remove');
  },
};

async function install(ctx: CliContext, options: MipArgs): Promise<number> {
  if (options.names.length === 0) throw new UsageError('name at least one package');
  const session = await ctx.session();
  const fs = await ctx.fs();
  const bar = progressBar(ctx.out);
  const result = await installPackages(session, fs, options.names, {
    index: options.index,
    target: options.target,
    mpy: options.mpy,
    onLog: (line) => ctx.out.write(`${line}\n`),
    onFile: (p) => bar(p),
  }).catch((err: unknown) => {
    bar(null);
    throw err;
  });
  ctx.out.write(`Done: ${result.written.length} installed, ${result.existing.length} already there\n`);
  // The micro:bit's small C stack runs out on imports nested three deep ("maximum recursion
  // depth exceeded"); imported deepest first, each module compiles on its own.
  if ((await fs.features()).platform === 'microbit' && result.plan.packages.length > 2) {
    ctx.out.write(`Note: on the micro:bit, import dependencies first: import ${result.plan.packages.map((p) => p.name).reverse().join(', ')}\n`);
  }
  return EXIT.ok;
}

/** Prints `Installing: path` with a bar that fills in place on a terminal, `Exists:`/`Failed:` lines otherwise. */
function progressBar(out: NodeJS.WritableStream): (p: FileProgress | null) => void {
  const tty = (out as NodeJS.WriteStream).isTTY === true;
  let open = false;
  return (p) => {
    if (!p) {
      if (open) out.write('\n');
      open = false;
      return;
    }
    if (p.status === 'exists') out.write(`Exists: ${p.path}\n`);
    else if (p.status === 'failed') {
      if (open) out.write('\n');
      open = false;
      out.write(`Failed: ${p.path}\n`);
    } else if (tty) {
      const width = 24;
      const filled = p.bytesTotal ? Math.round((p.bytesDone / p.bytesTotal) * width) : width;
      out.write(`\rInstalling: ${p.path} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.bytesDone}/${p.bytesTotal}`);
      open = p.status !== 'installed';
      if (!open) out.write('\n');
    } else if (p.status === 'installing' && p.bytesDone === 0) out.write(`Installing: ${p.path} (${p.bytesTotal} bytes)\n`);
  };
}

async function list(ctx: CliContext, options: MipArgs): Promise<number> {
  const listing = await listInstalled(await ctx.session(), await ctx.fs(), { target: options.target });
  if (listing.recorded.length === 0 && listing.other.length === 0) ctx.out.write(`No packages in ${listing.dir}\n`);
  for (const p of listing.recorded) ctx.out.write(`${p.name} ${p.version || '-'}${p.requested ? '' : ' (dependency)'}\n`);
  for (const name of listing.other) ctx.out.write(`${name} (not installed by mpstudio)\n`);
  return EXIT.ok;
}

async function remove(ctx: CliContext, options: MipArgs): Promise<number> {
  if (options.names.length === 0) throw new UsageError('name at least one package');
  for (const name of options.names) {
    const result = await removePackage(await ctx.session(), await ctx.fs(), name, { target: options.target, withDeps: options.withDeps, onLog: (line) => ctx.out.write(`${line}\n`) });
    ctx.out.write(`Removed ${result.removedPackages.join(', ')} (${result.removedFiles.length} files)\n`);
  }
  return EXIT.ok;
}
