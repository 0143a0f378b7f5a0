/**
 * `mpstudio virtual --pty [--baud N] [--flash DIR] [--flash-size BYTES]`: the virtual board on a pseudo-
 * terminal. The first line printed is the device path for serial tools; it serves
 * until SIGTERM or SIGINT, then stops the board and removes the pty.
 */
import { defaultUserDataDir } from '../../paths/user-data-dir';
import { defaultFlashDir } from '../../virtual-board/virtual-board-host';
import { servePty } from '../../../runtime/pty/pty-bridge';
import { createVirtualBoardTransport } from '../../../runtime/start-virtual-board';
import { EXIT, UsageError, type CliCommand } from '../command-registry';

/** About what a USB-serial bridge holds. */
const PTY_OUTPUT_BUFFER_BYTES = 4096;

export const virtualCommand: CliCommand = {
  name: 'virtual',
  usage: 'virtual --pty [--baud N] [--flash DIR] [--flash-size BYTES]',
  summary: 'serve the virtual board on a pseudo-terminal (prints its path first)',
  needsBoard: false,
  async run(ctx, args) {
    let pty = false;
    let baudRate: number | undefined;
    let flashDir = defaultFlashDir(defaultUserDataDir());
    let flashSizeBytes: number | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--pty') pty = true;
      else if (arg === '--baud' && /^\d+$/.test(args[i + 1] ?? '')) baudRate = Number(args[++i]);
      else if (arg === '--flash' && args[i + 1]) flashDir = args[++i]!;
      else if (arg === '--flash-size' && /^\d+$/.test(args[i + 1] ?? '')) flashSizeBytes = Number(args[++i]);
      else throw new UsageError(`unexpected ${arg ?? 'argument'}`);
    }
    if (!pty) throw new UsageError('--pty is required (the only way to serve it for now)');
    // A small output buffer: after Ctrl-C a serial tool should not wade through stale output.
    const board = await createVirtualBoardTransport({ flashDir, baudRate, flashSizeBytes, outputBufferBytes: PTY_OUTPUT_BUFFER_BYTES });
    const bridge = await servePty(board).catch(async (error: unknown) => {
      await board.close();
      throw error;
    });
    ctx.out.write(`${bridge.path}\n`);
    ctx.err.write(`virtual board on ${bridge.path}${baudRate ? ` at ${baudRate} baud` : ''}, flash in ${flashDir}; SIGTERM or Ctrl-C stops it\n`);
    let stop = () => {};
    const signalled = new Promise<void>((resolve) => (stop = resolve));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    const boardLost = new Promise<void>((resolve) => board.on('close', () => resolve()));
    await Promise.race([signalled, bridge.ended, boardLost]);
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    await bridge.close();
    await board.close();
    return EXIT.ok;
  },
};
