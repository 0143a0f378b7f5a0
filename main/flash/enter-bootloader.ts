/**
 * "Enter BOOTSEL": restarts a running RP2 board into its ROM bootloader with
 * `machine.bootloader()`, so its drive appears without pressing a button. The board
 * resets at once and never answers, so the app lets go of the link after a moment.
 * A board that answers with an error instead (no `machine.bootloader`) says so.
 */
import { BoardExecError } from '../board/errors';
import type { ConnectionManager } from '../board/connection-manager';
import { FlashError } from './flash-errors';

/** How long the board gets to answer with an error before we take the silence as the reset. */
const BOOTLOADER_GRACE_MS = 1500;

export async function enterBootloader(board: Pick<ConnectionManager, 'status' | 'session' | 'disconnect'>): Promise<void> {
  const target = board.status.target;
  if (target?.kind !== 'serial' || board.status.state === 'disconnected') {
    throw new FlashError('No board is connected over USB.', 'Connect to the board first, or hold BOOTSEL while plugging it in.', 'not-connected');
  }
  const outcome = await Promise.race([
    board.session().execText('import machine\nmachine.bootloader()').then(
      () => 'returned' as const,
      (error: unknown) => (error instanceof BoardExecError ? error : ('reset' as const)),
    ),
    new Promise<'reset'>((resolve) => setTimeout(() => resolve('reset'), BOOTLOADER_GRACE_MS)),
  ]);
  if (outcome instanceof BoardExecError || outcome === 'returned') {
    const why = outcome instanceof BoardExecError ? outcome.message : 'machine.bootloader() returned';
    throw new FlashError(
      `The board on ${target.path} did not restart into its bootloader (${why}).`,
      'Unplug the board, hold its BOOTSEL (or BOOT) button and plug it in again; its drive appears.',
      'not-supported',
    );
  }
  await board.disconnect().catch(() => undefined);
}
