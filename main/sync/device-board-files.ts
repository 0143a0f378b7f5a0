/**
 * `BoardFiles` straight over the board engine's `DeviceFs`, for code that holds a
 * board session itself (the CLI's `sync`, benchmarks, engine-level tests) rather
 * than going through the app's handler table. Transfer ids map to AbortSignals, so
 * `cancel(id)` stops the transfer the same way the app's `fs:cancel` does.
 */
import type { BoardSession } from '../board/board-session';
import type { DeviceFs } from '../board/device-fs';
import { publicCapabilities } from '../board/fs-capabilities';
import { hashMany } from './batch-hash';
import type { BoardFiles } from './board-files';

/** With `session`, many files are hashed per command (`hashMany`). */
export function boardFilesFromDeviceFs(fs: DeviceFs, session?: BoardSession): BoardFiles {
  const transfers = new Map<string, AbortController>();
  const track = async <T>(transferId: string | undefined, work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> => {
    if (!transferId) return work(undefined);
    const controller = new AbortController();
    transfers.set(transferId, controller);
    try {
      return await work(controller.signal);
    } finally {
      transfers.delete(transferId);
    }
  };
  return {
    capabilities: async () => publicCapabilities(await fs.features()),
    list: (path, recursive) => fs.list(path, recursive),
    read: (path, transferId) => track(transferId, (signal) => fs.read(path, { signal })) as Promise<Uint8Array>,
    write: (path, bytes, transferId) => track(transferId, (signal) => fs.write(path, bytes, { signal })),
    mkdir: (path) => fs.mkdir(path),
    remove: (path, recursive) => fs.remove(path, recursive),
    stat: (path) => fs.stat(path),
    hash: (path) => fs.hash(path),
    cancel: async (transferId) => transfers.get(transferId)?.abort(),
    ...(session && { hashMany: (paths: readonly string[]) => hashMany((source) => session.execText(source), paths) }),
  };
}
