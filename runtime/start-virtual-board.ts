/**
 * Starting a virtual board: `warmVirtualBoard` loads its interpreter ahead of a connection
 * that may come (the app does so while its window opens), and `createVirtualBoardTransport`
 * powers one on at once. Either way the flash folder is made first, so a folder that
 * cannot be created fails the call instead of the worker.
 */
import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { DEFAULT_FLASH_BYTES, VirtualBoardTransport, type VirtualBoardOptions } from './virtual-board-transport';

/**
 * Starts a virtual board whose files live in `flashDir`. Bytes it prints before the
 * first `data` listener is attached (the boot banner) are kept for that listener.
 */
export async function createVirtualBoardTransport(options: VirtualBoardOptions): Promise<VirtualBoardTransport> {
  return warmVirtualBoard(options).start();
}

/** A virtual board loading its interpreter ahead of a connection that may come. */
export interface WarmVirtualBoard {
  readonly flashDir: string;
  /** True once its interpreter has loaded: `start` then only boots it. */
  readonly loaded: () => boolean;
  /** Powers it on; resolves once its interpreter has loaded. */
  start(): Promise<VirtualBoardTransport>;
  /** Ends it unused. */
  discard(): Promise<void>;
}

function makeFlashDir(flashDir: string): boolean {
  try {
    mkdirSync(flashDir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

export function warmVirtualBoard(options: VirtualBoardOptions): WarmVirtualBoard {
  const transport = new VirtualBoardTransport({ ...options, flashSizeBytes: options.flashSizeBytes ?? DEFAULT_FLASH_BYTES });
  // The interpreter's setup looks at the flash's root folder; when it cannot be made,
  // nothing is warmed and `start` reports why.
  if (makeFlashDir(options.flashDir)) transport.warmUp();
  return {
    flashDir: options.flashDir,
    loaded: () => transport.warm,
    async start() {
      try {
        // Made here, not in the worker, so a folder that cannot be created fails the call.
        await mkdir(options.flashDir, { recursive: true });
      } catch (err) {
        await transport.close();
        throw err;
      }
      transport.start();
      // As a USB board's port appears once it has power: the session's prompt timeouts, meant
      // for boards that do not answer, must not count the interpreter's loading, which a busy
      // host stretches to seconds.
      await transport.loaded;
      return transport;
    },
    discard: () => transport.close(),
  };
}
